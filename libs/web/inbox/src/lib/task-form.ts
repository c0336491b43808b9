import { ChangeDetectionStrategy, Component, ElementRef, OnDestroy, effect, input, signal, viewChild } from '@angular/core';
import { Form } from '@bpmn-io/form-js';
import { BilingualValidationModule } from './form-messages';

/** The values of a submitted form, or the fields that failed validation. */
export interface TaskFormResult {
  data: Record<string, unknown>;
  errors: Record<string, unknown>;
}

/**
 * A task's form, rendered by form-js from the form JSON the designer deployed with the flow
 * (`zeebe:formDefinition`), prefilled with the case variables. Its validation speaks Chinese
 * with English beside it, and a number field holding text is an error, never a `null` value.
 */
@Component({
  selector: 'bj-task-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div #container class="task-form"></div>
    @if (failure(); as message) {
      <p class="error" role="alert">表单无法显示 Form cannot be shown: {{ message }}</p>
    }`,
  styles: `.error { color: var(--bj-red-fg); font-size: 0.85rem; }`,
})
export class TaskForm implements OnDestroy {
  /** The form-js schema. */
  readonly schema = input.required<unknown>();
  /** The values to prefill. */
  readonly data = input<Record<string, unknown>>({});

  protected readonly failure = signal<string | null>(null);
  private readonly container = viewChild.required<ElementRef<HTMLElement>>('container');
  private form: Form | null = null;

  constructor() {
    effect(() => {
      const schema = this.schema();
      const data = this.data();
      this.form ??= new Form({ container: this.container().nativeElement, additionalModules: [BilingualValidationModule] });
      this.form.importSchema(schema as never, data).then(
        () => this.failure.set(null),
        (error: Error) => this.failure.set(error.message),
      );
    });
  }

  /** Validates the form and returns its values, or the errors found. */
  submit(): TaskFormResult {
    if (!this.form) return { data: {}, errors: { form: ['表单尚未就绪 The form is not ready'] } };
    const { data, errors } = this.form.submit();
    return { data: data as Record<string, unknown>, errors: errors as Record<string, unknown> };
  }

  ngOnDestroy(): void {
    this.form?.destroy();
    this.form = null;
  }
}
