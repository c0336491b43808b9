import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output, signal, viewChild } from '@angular/core';
import type { EvaluationRequest } from '@banjie/contracts';
import { TaskForm } from '@banjie/web-inbox';
import { CaseStatusChip, DueDate } from '@banjie/web-ui';
import type { ApplicationView, SupplementWait } from './application-view';
import { ServiceRating } from './service-rating';

/** What the applicant sends as a supplement (补正): the message waited for and the form's values. */
export interface SupplementRequest {
  wait: SupplementWait;
  variables: Record<string, unknown>;
}

/**
 * One application in 我的申请: its status, current steps with their deadlines, its results, the
 * 补正 form while the case waits for material, and the 好差评 rating once it has ended.
 */
@Component({
  selector: 'bj-application-card',
  imports: [DatePipe, CaseStatusChip, DueDate, ServiceRating, TaskForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './application-card.html',
  styleUrl: './application-card.css',
})
export class ApplicationCard {
  /** The application shown. */
  readonly application = input.required<ApplicationView>();
  /** The deployed forms of the application's flow, by form id. */
  readonly forms = input<Record<string, unknown>>({});
  /** A request for this application is under way. */
  readonly busy = input(false);
  /** Emits the supplement the applicant sends. */
  readonly supply = output<SupplementRequest>();
  /** Emits the applicant's rating. */
  readonly rate = output<EvaluationRequest>();

  private readonly supplementForm = viewChild(TaskForm);
  protected readonly note = signal('');
  protected readonly invalid = signal(false);
  /** The first message the case waits for: the supplement the applicant is asked for. */
  protected readonly wait = computed(() => this.application().waits[0] ?? null);
  protected readonly waitSchema = computed(() => {
    const formId = this.wait()?.formId;
    return formId ? (this.forms()[formId] ?? null) : null;
  });
  protected readonly missing = computed(() => this.application().results.find((result) => result.key === 'missingMaterials')?.value ?? null);
  protected readonly shownResults = computed(() =>
    this.application().results.filter((result) => result.key !== 'missingMaterials' || this.application().status !== 'active' || this.wait() === null),
  );

  protected sendSupplement(event: Event, wait: SupplementWait): void {
    event.preventDefault();
    const form = this.supplementForm();
    if (form) {
      const result = form.submit();
      this.invalid.set(Object.keys(result.errors).length > 0);
      if (!this.invalid()) this.supply.emit({ wait, variables: result.data });
      return;
    }
    const note = this.note().trim();
    this.invalid.set(note === '');
    if (note) this.supply.emit({ wait, variables: { suppliedMaterials: note } });
  }
}
