import { TestBed } from '@angular/core/testing';
import type { EvaluationRequest } from '@banjie/contracts';
import { ServiceRating } from './service-rating';

describe('ServiceRating', () => {
  async function render(evaluation?: { rating: number; comment?: string; userId: string; at: string }) {
    const fixture = TestBed.createComponent(ServiceRating);
    fixture.componentRef.setInput('evaluation', evaluation);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  it('sends the stars and the comment the applicant chose', async () => {
    // given
    const { fixture, element } = await render();
    const rated: EvaluationRequest[] = [];
    fixture.componentInstance.rate.subscribe((request) => rated.push(request));
    expect((element.querySelector('button[type=submit]') as HTMLButtonElement).disabled).toBe(true);

    // when
    const five = element.querySelector('input[type=radio][value="5"]') as HTMLInputElement;
    five.click();
    const comment = element.querySelector('textarea') as HTMLTextAreaElement;
    comment.value = ' 办事快捷 ';
    comment.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    (element.querySelector('button[type=submit]') as HTMLButtonElement).click();

    // then
    expect(rated).toEqual([{ rating: 5, comment: '办事快捷' }]);
  });

  it('labels every level in Chinese and English', async () => {
    // when
    const { element } = await render();

    // then
    const labels = Array.from(element.querySelectorAll('label.level .text')).map((label) => label.textContent?.trim());
    expect(labels).toEqual(['5 非常满意 Very satisfied', '4 满意 Satisfied', '3 基本满意 Fairly satisfied', '2 不满意 Dissatisfied', '1 非常不满意 Very dissatisfied']);
  });

  it('shows the rating given instead of the form', async () => {
    // when
    const { element } = await render({ rating: 4, comment: '满意', userId: 'lf-applicant', at: '2026-12-10T10:00:00+08:00' });

    // then
    expect(element.querySelector('form')).toBeNull();
    expect(element.textContent).toContain('★★★★☆');
    expect(element.textContent).toContain('满意 Satisfied');
    expect(element.querySelector('q')?.textContent).toBe('满意');
  });
});
