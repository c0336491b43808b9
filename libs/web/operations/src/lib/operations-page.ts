import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { ZONES, type CaseView, type IncidentView } from '@banjie/contracts';
import { AuthSession, OperationsApi, toApiProblem } from '@banjie/web-data-access';
import { IncidentRepair } from './incident-repair';

/** The zones' names, for the province-wide admin's zone filter. */
const ZONE_NAMES: Record<(typeof ZONES)[number], string> = { lf: '临汾', cz: '长子', yp: '原平', az: '安泽', xy: '襄垣', tg: '太谷', sd: '上党' };

/**
 * 运维 Operations: the cases of the zone stuck on an incident (a step that failed at run time),
 * where a leader or admin fixes the variables and retries, or cancels the case.
 */
@Component({
  selector: 'bj-operations-page',
  imports: [DatePipe, RouterLink, IncidentRepair],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './operations-page.html',
  styleUrl: './operations-page.css',
})
export class OperationsPage {
  private readonly operations = inject(OperationsApi);
  private readonly session = inject(AuthSession);

  protected readonly zones = ZONES.map((id) => ({ id, name: ZONE_NAMES[id] }));
  protected readonly provinceWide = computed(() => this.session.user()?.zoneId === 'province');
  /** The zone a province-wide user looks at; empty for every zone. */
  protected readonly zone = signal('');
  protected readonly incidents = rxResource({ params: () => ({ zoneId: this.zone() }), stream: ({ params }) => this.operations.incidents(params.zoneId || undefined) });
  protected readonly shown = computed(() => (this.incidents.hasValue() ? this.incidents.value() : []));
  protected readonly error = computed(() => (this.incidents.error() ? toApiProblem(this.incidents.error()).message : null));
  protected readonly selectedId = signal<string | null>(null);
  protected readonly selected = computed(() => this.shown().find((incident) => incident.id === this.selectedId()) ?? null);
  protected readonly notice = signal<{ text: string; caseId: string; tone: 'ok' | 'warn' } | null>(null);

  protected chooseZone(event: Event): void {
    this.selectedId.set(null);
    this.zone.set((event.target as HTMLSelectElement).value);
  }

  protected open(incident: IncidentView): void {
    this.notice.set(null);
    this.selectedId.set(incident.id);
  }

  protected reload(): void {
    this.incidents.reload();
  }

  protected onRetried(incident: IncidentView, view: CaseView): void {
    this.selectedId.set(null);
    const failedAgain = view.incidents.find((i) => i.elementId === incident.elementId) ?? view.incidents[0];
    if (failedAgain) {
      this.notice.set({ text: `重试后仍然失败 Failed again: ${failedAgain.message}`, caseId: view.id, tone: 'warn' });
    } else {
      const next = view.tasks.map((task) => task.name).join('、') || view.active.map((a) => a.elementId).join('、');
      const where = view.status === 'active' ? (next ? `，现在 now at: ${next}` : '') : `，案件已办结 the case has ${view.status}`;
      this.notice.set({ text: `已重试，案件继续 Retried: the case goes on${where}`, caseId: view.id, tone: 'ok' });
    }
    this.incidents.reload();
  }

  protected onCancelled(view: CaseView): void {
    this.selectedId.set(null);
    this.notice.set({ text: `已撤销案件 Case cancelled: ${view.businessKey || view.id}`, caseId: view.id, tone: 'ok' });
    this.incidents.reload();
  }
}
