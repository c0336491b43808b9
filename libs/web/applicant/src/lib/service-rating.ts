import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import type { CaseEvaluationView, EvaluationRequest } from '@banjie/contracts';

/** The five levels of 好差评 (国办发〔2019〕51号), 5 first. */
export const RATING_LEVELS: readonly { rating: EvaluationRequest['rating']; label: string }[] = [
  { rating: 5, label: '非常满意 Very satisfied' },
  { rating: 4, label: '满意 Satisfied' },
  { rating: 3, label: '基本满意 Fairly satisfied' },
  { rating: 2, label: '不满意 Dissatisfied' },
  { rating: 1, label: '非常不满意 Very dissatisfied' },
];

/**
 * 好差评: the applicant rates the service of an ended case with 1–5 stars and a comment, or reads
 * the rating given.
 */
@Component({
  selector: 'bj-service-rating',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (given(); as evaluation) {
      <p class="given">
        <span class="label">您的评价 Your rating</span>
        <span class="stars" role="img" [attr.aria-label]="evaluation.rating + ' 星 stars'">{{ stars(evaluation.rating) }}</span>
        {{ levelOf(evaluation.rating) }}
        @if (evaluation.comment) {
          <q>{{ evaluation.comment }}</q>
        }
      </p>
    } @else {
      <form (submit)="submit($event)">
        <fieldset>
          <legend>好差评 Rate the service</legend>
          <div class="levels">
            @for (level of levels; track level.rating) {
              <label class="level" [class.chosen]="rating() !== null && level.rating <= rating()!">
                <input type="radio" name="rating" [value]="level.rating" [checked]="rating() === level.rating" (change)="rating.set(level.rating)" />
                <span class="star" aria-hidden="true">★</span>
                <span class="text">{{ level.rating }} {{ level.label }}</span>
              </label>
            }
          </div>
          <label class="comment">
            评价意见 Comment
            <textarea name="comment" rows="2" maxlength="2000" [value]="comment()" (input)="comment.set($any($event.target).value)"></textarea>
          </label>
          <button type="submit" class="primary" [disabled]="rating() === null || busy()">提交评价 Submit rating</button>
        </fieldset>
      </form>
    }
  `,
  styles: `
    fieldset { border: 1px solid var(--bj-border); border-radius: var(--bj-radius); padding: 0.6rem 0.8rem; display: grid; gap: 0.5rem; }
    legend { font-weight: 600; padding: 0 0.3rem; }
    .levels { display: flex; flex-wrap: wrap; gap: 0.4rem; }
    .level { display: inline-flex; align-items: center; gap: 0.25rem; padding: 0.15rem 0.5rem; border: 1px solid var(--bj-border); border-radius: 999px; cursor: pointer; font-size: 0.82rem; }
    .level input { margin: 0; }
    .level .star { color: var(--bj-muted); font-size: 1.05rem; }
    .level.chosen .star { color: #b76e00; }
    .comment { display: grid; gap: 0.2rem; font-size: 0.85rem; }
    button { justify-self: start; }
    .given { margin: 0; display: flex; gap: 0.5rem; align-items: baseline; flex-wrap: wrap; }
    .label { color: var(--bj-muted); font-size: 0.85rem; }
    .stars { color: #b76e00; letter-spacing: 0.1rem; }
  `,
})
export class ServiceRating {
  /** The rating already given, if any. */
  readonly evaluation = input<CaseEvaluationView | undefined>();
  /** A rating is being sent. */
  readonly busy = input(false);
  /** Emits the rating and comment the applicant submits. */
  readonly rate = output<EvaluationRequest>();

  protected readonly levels = RATING_LEVELS;
  protected readonly rating = signal<EvaluationRequest['rating'] | null>(null);
  protected readonly comment = signal('');
  protected readonly given = computed(() => this.evaluation());

  protected stars(rating: number): string {
    return '★'.repeat(rating) + '☆'.repeat(5 - rating);
  }

  protected levelOf(rating: number): string {
    return RATING_LEVELS.find((level) => level.rating === rating)?.label ?? '';
  }

  protected submit(event: Event): void {
    event.preventDefault();
    const rating = this.rating();
    if (rating === null) return;
    const comment = this.comment().trim();
    this.rate.emit({ rating, ...(comment ? { comment } : {}) });
  }
}
