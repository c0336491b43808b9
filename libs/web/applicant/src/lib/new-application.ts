import { ChangeDetectionStrategy, Component, computed, input, output, signal, viewChild } from '@angular/core';
import { TaskForm } from '@banjie/web-inbox';

/** A flow of the applicant's zone that applicants may start, with its application form. */
export interface OpenFlow {
  key: string;
  version: number;
  name: string;
  startForm: unknown;
}

/** What the applicant submits: the flow chosen and the values of its application form. */
export interface ApplicationRequest {
  definitionKey: string;
  version: number;
  variables: Record<string, unknown>;
}

/**
 * 新申请: the applicant picks one of the flows open to applicants and fills its start event's
 * form (rendered by form-js, as task forms are).
 */
@Component({
  selector: 'bj-new-application',
  imports: [TaskForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (flows().length === 0) {
      <p class="hint">本开发区暂无面向企业的网上申请事项 No flow of your zone is open to online applications.</p>
    } @else {
      <form (submit)="submit($event)">
        <label class="flow">
          办理事项 Matter
          <select name="definitionKey" [value]="chosen()?.key ?? ''" (change)="choose($any($event.target).value)">
            <option value="" disabled>请选择 Choose…</option>
            @for (flow of flows(); track flow.key) {
              <option [value]="flow.key">{{ flow.name }}</option>
            }
          </select>
        </label>
        @if (chosen(); as flow) {
          <bj-task-form [schema]="flow.startForm" />
          @if (invalid()) {
            <p class="error" role="alert">请检查表单 Please check the form</p>
          }
          <button type="submit" class="primary" [disabled]="busy()">提交申请 Submit application</button>
        }
      </form>
    }
  `,
  styles: `
    form { display: grid; gap: 0.6rem; }
    .flow { display: grid; gap: 0.2rem; font-size: 0.85rem; max-width: 40rem; }
    .hint { color: var(--bj-muted); margin: 0; }
    .error { color: var(--bj-red-fg); margin: 0; font-size: 0.85rem; }
    button { justify-self: start; }
  `,
})
export class NewApplication {
  /** The flows open to applicants. */
  readonly flows = input.required<OpenFlow[]>();
  /** An application is being sent. */
  readonly busy = input(false);
  /** Emits the application the applicant submits. */
  readonly submitted = output<ApplicationRequest>();

  private readonly form = viewChild(TaskForm);
  protected readonly chosenKey = signal<string | null>(null);
  protected readonly invalid = signal(false);
  protected readonly chosen = computed(() => {
    const flows = this.flows();
    return flows.find((flow) => flow.key === this.chosenKey()) ?? (flows.length === 1 ? flows[0] : null);
  });

  protected choose(key: string): void {
    this.invalid.set(false);
    this.chosenKey.set(key || null);
  }

  protected submit(event: Event): void {
    event.preventDefault();
    const flow = this.chosen();
    const form = this.form();
    if (!flow || !form) return;
    const { data, errors } = form.submit();
    this.invalid.set(Object.keys(errors).length > 0);
    if (!this.invalid()) this.submitted.emit({ definitionKey: flow.key, version: flow.version, variables: data });
  }
}
