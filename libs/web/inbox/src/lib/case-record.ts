import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { CaseEventView } from '@banjie/contracts';
import { decodeCaseEvent, handleCaseEvent, type CaseEventHandlers } from '@banjie/engine/replay';

/** What a form says about a variable: its label, and the labels of its options. */
export interface FieldLabel {
  label: string;
  options?: Record<string, string>;
}

/** A variable as a person reads it: the form's label (or its key), and its value as text. */
export interface LabelledValue {
  key: string;
  label: string;
  value: string;
}

/** An earlier step of the case: the task, who completed it, when, and what they decided. */
export interface EarlierStep {
  taskId: string;
  name: string;
  userId: string;
  at: string;
  values: LabelledValue[];
}

/** The labels of every field of the flow's forms (form-js JSON), by variable key; nested groups included. */
export function formLabels(forms: Record<string, unknown> | undefined): Map<string, FieldLabel> {
  const labels = new Map<string, FieldLabel>();
  const visit = (components: unknown): void => {
    if (!Array.isArray(components)) return;
    for (const component of components as FormComponent[]) {
      if (typeof component?.key === 'string' && typeof component.label === 'string' && !labels.has(component.key)) {
        const options = Array.isArray(component.values) ? Object.fromEntries(component.values.map((option) => [String(option.value), String(option.label)])) : undefined;
        labels.set(component.key, { label: component.label, ...(options ? { options } : {}) });
      }
      visit(component?.components);
    }
  };
  for (const form of Object.values(forms ?? {})) visit((form as FormComponent | null)?.components);
  return labels;
}

/** Variables labelled by the forms, in the order they were given. */
export function labelled(variables: Record<string, unknown>, labels: Map<string, FieldLabel>): LabelledValue[] {
  return Object.entries(variables).map(([key, raw]) => {
    const field = labels.get(key);
    return { key, label: field?.label ?? key, value: asText(raw, field) };
  });
}

/** The completed tasks of a case, oldest first, from its events (`TaskCreated` names, `TaskCompleted` results). */
export function earlierSteps(events: CaseEventView[], labels: Map<string, FieldLabel>): EarlierStep[] {
  const names = new Map<string, string>();
  const steps: EarlierStep[] = [];
  const handlers: CaseEventHandlers<CaseEventView> = {
    TaskCreated: (task) => void names.set(task.taskId, task.name || task.elementId),
    TaskCompleted: (done, event) =>
      void steps.push({ taskId: done.taskId, name: names.get(done.taskId) ?? done.taskId, userId: done.userId, at: done.at || event.recordedAt, values: labelled(done.variables ?? {}, labels) }),
  };
  for (const event of events) {
    const decoded = decodeCaseEvent(event);
    if (decoded) handleCaseEvent(handlers, decoded, event);
  }
  return steps;
}

interface FormComponent {
  key?: unknown;
  label?: unknown;
  values?: { label: unknown; value: unknown }[];
  components?: unknown;
}

function asText(value: unknown, field: FieldLabel | undefined): string {
  if (value === true) return '是 Yes';
  if (value === false) return '否 No';
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return field?.options?.[String(value)] ?? String(value);
}

/**
 * 案件资料 Case data: what the case holds, beside the task's form: its variables under their form
 * labels, and each earlier step's decision and opinion with who gave them and when.
 */
@Component({
  selector: 'bj-case-record',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="earlier-steps">
      <h3 id="earlier-steps">办理记录 Earlier steps</h3>
      @for (step of steps(); track step.taskId) {
        <article class="step" [attr.data-task-id]="step.taskId">
          <p class="who">
            <strong>{{ step.name }}</strong> · {{ step.userId }} · <time [attr.datetime]="step.at">{{ step.at | date: 'yyyy-MM-dd HH:mm' }}</time>
          </p>
          @if (step.values.length) {
            <dl>
              @for (item of step.values; track item.key) {
                <dt>{{ item.label }}</dt>
                <dd>{{ item.value }}</dd>
              }
            </dl>
          }
        </article>
      } @empty {
        <p class="hint">尚无已办步骤 No step completed yet</p>
      }
    </section>
    <section aria-labelledby="case-variables">
      <h3 id="case-variables">案件数据 Case data</h3>
      @if (values().length) {
        <dl class="variables">
          @for (item of values(); track item.key) {
            <dt [attr.title]="item.key">{{ item.label }}</dt>
            <dd>{{ item.value }}</dd>
          }
        </dl>
      } @else {
        <p class="hint">没有变量 No variables</p>
      }
    </section>
  `,
  styles: `
    :host { display: flex; flex-direction: column; gap: 0.5rem; font-size: 0.85rem; }
    h3 { font-size: 0.9rem; margin: 0 0 0.25rem; }
    .step { border-left: 3px solid var(--bj-border); padding-left: 0.5rem; margin-bottom: 0.4rem; }
    .who { margin: 0; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 0.75rem; margin: 0.2rem 0 0; }
    dt { color: var(--bj-muted); }
    dd { margin: 0; word-break: break-word; }
    .hint { color: var(--bj-muted); margin: 0; }
  `,
})
export class CaseRecord {
  /** The case's variables. */
  readonly variables = input<Record<string, unknown>>({});
  /** The case's events (`GET /api/cases/:id/events`). */
  readonly events = input<CaseEventView[]>([]);
  /** The forms deployed with the flow, by form id. */
  readonly forms = input<Record<string, unknown> | undefined>(undefined);

  private readonly labels = computed(() => formLabels(this.forms()));
  protected readonly values = computed(() => labelled(this.variables(), this.labels()));
  protected readonly steps = computed(() => earlierSteps(this.events(), this.labels()));
}
