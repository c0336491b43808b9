import { TestBed } from '@angular/core/testing';
import { DueDate, formatBeijingDeadline } from './due-date';

async function render(inputs: Record<string, unknown>): Promise<HTMLElement> {
  const fixture = TestBed.createComponent(DueDate);
  for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

describe('DueDate', () => {
  it('shows a deadline at midnight as 24:00 of the last working day, keeping the instant', async () => {
    // when
    const host = await render({ dueAt: '2026-12-08T00:00:00+08:00', limitWorkingDays: 5 });

    // then
    expect(host.textContent).toContain('截止 2026-12-07 24:00');
    expect(host.querySelector('time')?.getAttribute('datetime')).toBe('2026-12-08T00:00:00+08:00');
    expect(host.querySelector('.limit')?.textContent).toBe('时限 5 工作日');
  });

  it('keeps a time within the day as it is', async () => {
    // when
    const host = await render({ dueAt: '2026-12-07T09:36:00+08:00' });

    // then
    expect(host.querySelector('time')?.textContent).toBe('2026-12-07 09:36');
  });

  it('marks a provisional deadline with its reason on hover', async () => {
    // when
    const host = await render({ dueAt: '2027-01-05T00:00:00+08:00', provisional: true, provisionalReason: '2027 年放假通知未载入 notice not loaded' });

    // then
    const mark = host.querySelector('.provisional') as HTMLElement;
    expect(mark.textContent).toBe('暂定');
    expect(mark.getAttribute('title')).toBe('2027 年放假通知未载入 notice not loaded');
    expect(mark.getAttribute('aria-label')).toContain('2027 年放假通知未载入 notice not loaded');
  });

  it('shows no mark on a deadline counted on a loaded notice', async () => {
    // when
    const host = await render({ dueAt: '2027-01-05T00:00:00+08:00', provisional: false });

    // then
    expect(host.querySelector('.provisional')).toBeNull();
  });

  it('shows a dash without a deadline', async () => {
    // when
    const host = await render({});

    // then
    expect(host.querySelector('time')).toBeNull();
    expect(host.textContent?.trim()).toBe('—');
  });
});

describe('formatBeijingDeadline', () => {
  const zone = process.env['TZ'];
  afterEach(() => (process.env['TZ'] = zone));

  it('reads Beijing time whatever the browser’s zone', () => {
    // given a browser in New York
    process.env['TZ'] = 'America/New_York';

    // when
    const midnight = formatBeijingDeadline('2026-12-07T16:00:00Z');
    const morning = formatBeijingDeadline('2026-12-07T01:36:00Z');

    // then
    expect(midnight).toBe('2026-12-07 24:00');
    expect(morning).toBe('2026-12-07 09:36');
  });

  it('turns midnight into 24:00 across a month and a year', () => {
    // then
    expect(formatBeijingDeadline('2027-01-01T00:00:00+08:00')).toBe('2026-12-31 24:00');
    expect(formatBeijingDeadline('2027-03-01T00:00:00+08:00')).toBe('2027-02-28 24:00');
  });
});
