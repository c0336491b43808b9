import { DatePipe, DOCUMENT, JsonPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type { CaseEventView, CaseView, VerifyView } from '@banjie/contracts';
import { CaseLiveFeed, CasesApi, DefinitionsApi, toApiProblem, type CaseLiveMessage } from '@banjie/web-data-access';
import { CaseStatusChip, DueDate, EventTimeline, WarningBadge, actorOf, elementNamesOf, eventLabel, shortHash } from '@banjie/web-ui';
import { Subject, distinctUntilChanged, filter, forkJoin, map, merge, of, switchMap } from 'rxjs';
import { CaseDeadlines } from './case-deadlines';
import { CaseDiagram } from './case-diagram';
import { caseFileName, downloadCaseFile, toCaseFile } from './case-file';
import { caseMarkers } from './case-markers';
import { CaseReplay, withServerMarks } from './case-replay';

/** A case and its events, as loaded together. */
interface CaseSnapshot {
  view: CaseView;
  events: CaseEventView[];
}

/** What the page knows of the case's hash chain. */
type Verification = { state: 'checking' } | { state: 'done'; result: VerifyView } | { state: 'failed'; message: string };

/**
 * The case page (`/cases/:id`): the diagram with the case's progress marked, its open tasks,
 * variables, timers, legal deadlines and the timeline of its events. A history scrubber replays
 * the case in the browser with the engine's fold to any revision (no request per step), and shows
 * what that step changed; "Back to live" returns to the head, which the case's live stream keeps
 * current by folding each pushed event. The auditor verifies the hash chain and exports the case
 * file from here.
 */
@Component({
  selector: 'bj-case-page',
  imports: [DatePipe, JsonPipe, CaseDeadlines, CaseDiagram, CaseStatusChip, DueDate, EventTimeline, WarningBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './case-page.html',
  styleUrl: './case-page.css',
})
export class CasePage {
  /** The case id, bound from the route. */
  readonly id = input.required<string>();

  private readonly casesApi = inject(CasesApi);
  private readonly definitionsApi = inject(DefinitionsApi);
  private readonly liveFeed = inject(CaseLiveFeed);
  private readonly document = inject(DOCUMENT);
  private readonly reloads = new Subject<void>();
  /** Live events heard before the first load answered, folded in once it has. */
  private pending: CaseEventView[] = [];

  /** The case as the server last answered it (for the marks only the server knows). */
  private readonly serverView = signal<CaseView | null>(null);
  /** The replayed history; the same instance grows, so every change notifies. */
  protected readonly replay = signal<CaseReplay | null>(null, { equal: () => false });
  /** The revision the scrubber shows, or null to follow the live head. */
  protected readonly selected = signal<number | null>(null);
  protected readonly xml = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly live = signal(false);
  protected readonly verification = signal<Verification | null>(null);

  protected readonly names = computed(() => elementNamesOf(this.xml()));
  protected readonly head = computed(() => this.replay()?.head ?? -1);
  protected readonly shown = computed(() => this.selected() ?? this.head());
  protected readonly events = computed<readonly CaseEventView[]>(() => this.replay()?.all ?? []);
  protected readonly shownEvent = computed(() => this.replay()?.eventAt(this.shown()));
  protected readonly view = computed<CaseView | null>(() => {
    const replay = this.replay();
    const selected = this.selected();
    if (!replay || replay.head < 0) return this.serverView();
    return selected === null ? withServerMarks(replay.headView(), this.serverView() ?? undefined) : replay.viewAt(selected);
  });
  protected readonly markers = computed(() => {
    const view = this.view();
    return view ? caseMarkers(view, this.momentOf(this.selected() === null ? undefined : this.shownEvent())) : new Map();
  });
  protected readonly changes = computed(() => this.replay()?.changesAt(this.shown()));
  protected readonly variables = computed(() => Object.entries(this.view()?.variables ?? {}).map(([name, value]) => ({ name, value })));
  protected readonly brokenRevision = computed(() => {
    const verification = this.verification();
    return verification?.state === 'done' && !verification.result.valid ? verification.result.brokenAt : null;
  });

  constructor() {
    toObservable(this.id)
      .pipe(
        switchMap((id) =>
          merge(
            merge(of(undefined), this.reloads).pipe(
              switchMap(() => forkJoin({ view: this.casesApi.get(id), events: this.casesApi.events(id) })),
              map((snapshot) => ({ snapshot })),
            ),
            this.liveFeed.watch(id).pipe(map((message) => ({ message }))),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe({
        next: (next) => ('snapshot' in next ? this.loaded(next.snapshot) : this.heard(next.message)),
        error: (failure: unknown) => this.error.set(toApiProblem(failure).message),
      });

    toObservable(this.serverView)
      .pipe(
        filter((view): view is CaseView => view !== null),
        map((view) => ({ key: view.definitionKey, version: view.version, zoneId: view.zoneId })),
        distinctUntilChanged((a, b) => a.key === b.key && a.version === b.version && a.zoneId === b.zoneId),
        switchMap(({ key, version, zoneId }) => this.definitionsApi.get(key, version, zoneId)),
        takeUntilDestroyed(),
      )
      .subscribe({ next: (definition) => this.xml.set(definition.xml), error: (failure: unknown) => this.error.set(toApiProblem(failure).message) });
  }

  /** Shows the case after the event at `revision` (clamped to its history). */
  protected showRevision(revision: number): void {
    const head = this.head();
    if (head < 0) return;
    this.selected.set(Math.max(0, Math.min(Math.round(revision), head)));
  }

  protected scrubbed(event: Event): void {
    this.showRevision(Number((event.target as HTMLInputElement).value));
  }

  protected step(by: number): void {
    this.showRevision(this.shown() + by);
  }

  /** 回到实时: follow the head again. */
  protected backToLive(): void {
    this.selected.set(null);
  }

  protected verify(): void {
    this.verification.set({ state: 'checking' });
    this.casesApi.verify(this.id()).subscribe({
      next: (result) => this.verification.set({ state: 'done', result }),
      error: (failure: unknown) => this.verification.set({ state: 'failed', message: toApiProblem(failure).message }),
    });
  }

  /** 导出案卷: downloads every event with its hashes as one JSON file. */
  protected exportCaseFile(): void {
    const replay = this.replay();
    const view = this.serverView();
    if (!replay || !view) return;
    downloadCaseFile(toCaseFile(view, replay.all, new Date()), caseFileName(view), this.document);
  }

  protected label(type: string | undefined): string {
    return type ? eventLabel(type) : '';
  }

  protected actor(event: CaseEventView | undefined): string | undefined {
    return event ? actorOf(event) : undefined;
  }

  protected short(hash: string): string {
    return shortHash(hash);
  }

  protected nameOf(elementId: string): string {
    return this.names().get(elementId) ?? elementId;
  }

  private loaded(snapshot: CaseSnapshot): void {
    const replay = new CaseReplay(snapshot.events);
    for (const event of this.pending) replay.append(event);
    this.pending = [];
    this.serverView.set(snapshot.view);
    this.replay.set(replay);
  }

  /** A pushed event: folded in when it is the next one, ignored when known, a reload when some were missed. */
  private heard(message: CaseLiveMessage): void {
    this.live.set(true);
    const event = message.data as CaseEventView;
    if (typeof event?.revision !== 'number') return;
    const replay = this.replay();
    if (!replay) {
      this.pending.push(event);
      return;
    }
    const outcome = replay.append(event);
    if (outcome === 'applied') this.replay.set(replay);
    if (outcome === 'gap') this.reloads.next();
  }

  /** The engine's time when the event was recorded (the manual clock in tests), or now for the live head. */
  private momentOf(event: CaseEventView | undefined): Date {
    if (!event) return new Date();
    const engineTime = event.metadata?.['engineTime'];
    return new Date(typeof engineTime === 'string' ? engineTime : event.recordedAt);
  }
}
