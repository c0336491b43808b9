import { TestBed } from '@angular/core/testing';
import { WarningBadge } from './warning-badge';

describe('WarningBadge', () => {
  it.each([
    ['yellow', '黄牌 Due soon', 'badge-yellow'],
    ['red', '红牌 Overdue', 'badge-red'],
  ] as const)('shows the %s card', async (warning, text, cssClass) => {
    // given
    const fixture = TestBed.createComponent(WarningBadge);
    fixture.componentRef.setInput('warning', warning);

    // when
    await fixture.whenStable();

    // then
    const badge = fixture.nativeElement.querySelector('.badge') as HTMLElement;
    expect(badge.textContent).toBe(text);
    expect(badge.classList).toContain(cssClass);
  });

  it('shows nothing for a task on time', async () => {
    // given
    const fixture = TestBed.createComponent(WarningBadge);
    fixture.componentRef.setInput('warning', 'none');

    // when
    await fixture.whenStable();

    // then
    expect(fixture.nativeElement.querySelector('.badge')).toBeNull();
  });
});
