import { TestBed } from '@angular/core/testing';
import type { CaseEventView } from '@banjie/contracts';
import { CaseRecord } from './case-record';

const forms = {
  'window-check': {
    components: [
      { type: 'textfield', key: 'applicantName', label: '申请单位' },
      { type: 'checkbox', key: 'complete', label: '材料齐全' },
      { type: 'group', components: [{ type: 'select', key: 'tier', label: '办结等级', values: [{ label: '一级（1个工作日）', value: '1' }] }] },
    ],
  },
  'sign-off': { components: [{ type: 'textarea', key: 'opinion', label: '领导意见' }] },
};

function event(revision: number, type: string, data: Record<string, unknown>): CaseEventView {
  return { revision, type, data, metadata: {}, recordedAt: '2026-03-02T01:00:00.000Z', hash: '', prevHash: '' };
}

describe('CaseRecord', () => {
  it('shows the case’s variables under their form labels, options by their label', async () => {
    // given
    const fixture = TestBed.createComponent(CaseRecord);

    // when
    fixture.componentRef.setInput('forms', forms);
    fixture.componentRef.setInput('variables', { applicantName: '晋南新材料', complete: true, tier: '1', certificateNo: 'LF-2026-001-P' });
    await fixture.whenStable();

    // then
    const pairs = [...(fixture.nativeElement as HTMLElement).querySelectorAll('.variables dt')].map((dt) => `${dt.textContent?.trim()}=${dt.nextElementSibling?.textContent?.trim()}`);
    expect(pairs).toEqual(['申请单位=晋南新材料', '材料齐全=是 Yes', '办结等级=一级（1个工作日）', 'certificateNo=LF-2026-001-P']);
  });

  it('lists each earlier step with its decision and opinion, who gave them and when', async () => {
    // given
    const fixture = TestBed.createComponent(CaseRecord);
    const events = [
      event(3, 'TaskCreated', { taskId: 'id-1', name: '窗口受理', elementId: 'Task_WindowCheck' }),
      event(4, 'TaskCompleted', { taskId: 'id-1', userId: 'lf-clerk', variables: { complete: true }, at: '2026-03-02T09:30:00+08:00' }),
      event(5, 'TaskCreated', { taskId: 'id-2', name: '领导签批', elementId: 'Task_SignOff' }),
      event(6, 'TaskCompleted', { taskId: 'id-2', userId: 'lf-leader', variables: { opinion: '同意' }, at: '2026-03-03T10:00:00+08:00' }),
      event(7, 'TaskCreated', { taskId: 'id-3', name: '发证', elementId: 'Task_Issue' }),
    ];

    // when
    fixture.componentRef.setInput('forms', forms);
    fixture.componentRef.setInput('events', events);
    await fixture.whenStable();

    // then
    const steps = [...(fixture.nativeElement as HTMLElement).querySelectorAll('.step')];
    expect(steps.map((step) => step.querySelector('.who')?.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      '窗口受理 · lf-clerk · 2026-03-02 09:30',
      '领导签批 · lf-leader · 2026-03-03 10:00',
    ]);
    expect(steps[1].querySelector('dt')?.textContent).toBe('领导意见');
    expect(steps[1].querySelector('dd')?.textContent).toBe('同意');
  });
});
