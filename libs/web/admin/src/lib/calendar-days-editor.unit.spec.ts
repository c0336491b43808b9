import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { CalendarDay } from '@banjie/contracts';
import { CalendarDaysEditor } from './calendar-days-editor';

describe('CalendarDaysEditor', () => {
  async function render(days: CalendarDay[]): Promise<{ fixture: ComponentFixture<CalendarDaysEditor>; host: HTMLElement }> {
    const fixture = TestBed.createComponent(CalendarDaysEditor);
    fixture.componentRef.setInput('legend', '放假 Days off');
    fixture.componentInstance.days.set(days);
    await fixture.whenStable();
    return { fixture, host: fixture.nativeElement as HTMLElement };
  }

  async function paste(fixture: ComponentFixture<CalendarDaysEditor>, host: HTMLElement, text: string, action: string): Promise<void> {
    const area = host.querySelector('textarea') as HTMLTextAreaElement;
    area.value = text;
    area.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    (Array.from(host.querySelectorAll('button')).find((button) => button.textContent?.includes(action)) as HTMLButtonElement).click();
    await fixture.whenStable();
  }

  it('adds pasted lines to the rows, a pasted day replacing the row of the same date', async () => {
    // given
    const { fixture, host } = await render([
      { date: '2027-01-01', name: '新年' },
      { date: '2027-05-01', name: '劳动节' },
    ]);

    // when
    await paste(fixture, host, '2027-01-01..2027-01-02 元旦', '加入列表');

    // then
    expect(fixture.componentInstance.days()).toEqual([
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-01-02', name: '元旦' },
      { date: '2027-05-01', name: '劳动节' },
    ]);
    expect(host.querySelector('legend .count')?.textContent).toBe('3 天 days');
    expect(host.querySelector('textarea')?.value).toBe('');
  });

  it('keeps the rows and names the line when a pasted line cannot be read', async () => {
    // given
    const { fixture, host } = await render([{ date: '2027-05-01', name: '劳动节' }]);

    // when
    await paste(fixture, host, '2027-02-05 春节\n2027/02/06 春节', '替换列表');

    // then
    expect(fixture.componentInstance.days()).toEqual([{ date: '2027-05-01', name: '劳动节' }]);
    expect(host.querySelector('bj-problem-list code')?.textContent).toBe('第 2 行 line 2');
    expect(host.querySelector('textarea')?.value).toContain('2027/02/06');
  });

  it('removes a row with its labelled button', async () => {
    // given
    const { fixture, host } = await render([
      { date: '2027-02-05', name: '春节' },
      { date: '2027-02-06', name: '春节' },
    ]);

    // when
    (host.querySelector('button[aria-label="删除 Remove 2027-02-05 春节"]') as HTMLButtonElement).click();
    await fixture.whenStable();

    // then
    expect(fixture.componentInstance.days()).toEqual([{ date: '2027-02-06', name: '春节' }]);
    expect(host.querySelector('tbody input')?.getAttribute('aria-label')).toBe('放假 Days off 日期 Date 1');
  });
});
