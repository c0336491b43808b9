import { TestBed } from '@angular/core/testing';
import type { CaseEventView } from '@banjie/contracts';
import { EventTimeline } from './event-timeline';

const event = (revision: number, type: string, data: unknown, commandId: string, actor?: string): CaseEventView => ({
  revision,
  type,
  data,
  metadata: { commandId, ...(actor ? { actor: { id: actor } } : {}) },
  recordedAt: '2026-03-02T09:00:00+08:00',
  hash: `hash000${revision}ffff`,
  prevHash: '',
});

const events = [
  event(0, 'CaseStarted', { caseId: 'case-1', definitionKey: 'linfen-123-closure', businessKey: 'LF-1' }, 'c1', 'lf-applicant'),
  event(1, 'TaskCreated', { taskId: 't1', elementId: 'Task_WindowCheck', name: '窗口完整性审查' }, 'c1', 'lf-applicant'),
  event(2, 'TaskCompleted', { taskId: 't1', userId: 'lf-clerk', variables: {} }, 'c2', 'lf-clerk'),
  event(3, 'SequenceFlowTaken', { flowId: 'Flow_1', targetId: 'End' }, 'c2', 'lf-clerk'),
];

describe('EventTimeline', () => {
  async function render(inputs: Record<string, unknown> = {}) {
    const fixture = TestBed.createComponent(EventTimeline);
    fixture.componentRef.setInput('events', events);
    fixture.componentRef.setInput('names', new Map([['End', '办结']]));
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    await fixture.whenStable();
    return { fixture, host: fixture.nativeElement as HTMLElement };
  }

  it('lists the newest step first, in Chinese and English, with actor, revision and short hash', async () => {
    // given / when
    const { host } = await render();

    // then
    const steps = Array.from(host.querySelectorAll('li.step'));
    expect(steps.map((step) => step.querySelector('.actor')?.textContent)).toEqual(['lf-clerk', 'lf-applicant']);
    const first = steps[0].querySelector('button.event') as HTMLElement;
    expect(first.querySelector('.type')?.textContent).toBe('办结任务 Task completed');
    expect(first.querySelector('.subject')?.textContent).toBe('窗口完整性审查');
    expect(first.querySelector('.rev')?.textContent).toBe('#2');
    expect(first.querySelector('.hash')?.textContent).toBe('hash0002');
    expect(host.querySelector('[data-type="SequenceFlowTaken"]')).toBeNull();
  });

  it('expands the technical events of a step on request', async () => {
    // given
    const { fixture, host } = await render();

    // when
    (host.querySelector('button.toggle') as HTMLButtonElement).click();
    await fixture.whenStable();

    // then
    const flow = host.querySelector('[data-type="SequenceFlowTaken"]');
    expect(flow?.querySelector('.subject')?.textContent).toBe('→ 办结');
    expect(host.querySelector('button.toggle')?.getAttribute('aria-expanded')).toBe('true');
  });

  it('emits the revision of a clicked event and highlights the selected and the broken ones', async () => {
    // given
    const { fixture, host } = await render({ selected: 3, broken: 1 });
    const picked: number[] = [];
    fixture.componentInstance.selectRevision.subscribe((revision) => picked.push(revision));

    // when
    (host.querySelector('button.event[data-revision="0"]') as HTMLButtonElement).click();

    // then
    expect(picked).toEqual([0]);
    expect(host.querySelector('button.event.selected')?.getAttribute('data-revision')).toBe('3');
    expect(host.querySelector('button.event.broken')?.getAttribute('data-revision')).toBe('1');
  });
});
