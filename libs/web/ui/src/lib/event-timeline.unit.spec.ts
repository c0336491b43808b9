import { TestBed } from '@angular/core/testing';
import type { CaseEventView } from '@banjie/contracts';
import { EventTimeline } from './event-timeline';

const event = (revision: number, type: string, data: unknown, actor?: string): CaseEventView => ({
  revision,
  type,
  data,
  metadata: actor ? { actor: { userId: actor } } : {},
  recordedAt: '2026-03-02T09:00:00+08:00',
  hash: `h${revision}`,
  prevHash: `h${revision - 1}`,
});

describe('EventTimeline', () => {
  it('lists the newest event first with its element and actor', async () => {
    // given
    const fixture = TestBed.createComponent(EventTimeline);
    fixture.componentRef.setInput('events', [event(0, 'CaseStarted', {}, 'lf-applicant'), event(1, 'TaskCompleted', { elementId: 'Task_WindowCheck' }, 'lf-clerk')]);

    // when
    await fixture.whenStable();

    // then
    const rows = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('li'));
    expect(rows.map((row) => row.querySelector('.type')?.textContent)).toEqual(['TaskCompleted', 'CaseStarted']);
    expect(rows[0].querySelector('.subject')?.textContent).toBe('Task_WindowCheck');
    expect(rows[0].querySelector('.actor')?.textContent).toBe('lf-clerk');
  });
});
