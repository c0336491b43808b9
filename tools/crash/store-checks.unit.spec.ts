import { emptyLedger } from './ledger';
import { crashFlow } from './load';
import { quantile } from './soak';
import { duplicates, lostAcknowledgements, timersFired, type StoredEvent } from './store-checks';

const started = (caseId: string): StoredEvent => ({ stream: `case-${caseId}`, type: 'CaseStarted', data: { caseId } });

describe('the crash suite checks', () => {
  it('finds an acknowledged case, completion, deploy or message that is not in the store', () => {
    // given a ledger of four acknowledgements and a store that kept only the case
    const ledger = emptyLedger();
    ledger.cases.set('c1', { zone: 'lf', businessKey: 'LF-1', definitionKey: 'crash-lf' });
    ledger.completions.push({ caseId: 'c1', taskId: 't1' });
    ledger.deploys.push({ key: 'crash-lf', version: 2, hash: 'h2' });
    ledger.messages.push({ caseIds: ['c1'], correlationKey: 'LF-1' });

    // when
    const lost = lostAcknowledgements(ledger, [started('c1')]);

    // then
    expect(lost).toEqual(['completion of task t1', 'deploy crash-lf v2', 'message LF-1 to case c1']);
  });

  it('finds nothing lost when every acknowledgement is in the store', () => {
    // given
    const ledger = emptyLedger();
    ledger.cases.set('c1', { zone: 'lf', businessKey: 'LF-1', definitionKey: 'crash-lf' });
    ledger.completions.push({ caseId: 'c1', taskId: 't1' });
    const events: StoredEvent[] = [started('c1'), { stream: 'case-c1', type: 'TaskCompleted', data: { taskId: 't1' } }];

    // then
    expect(lostAcknowledgements(ledger, events)).toEqual([]);
  });

  it('reports a timer that fired twice and a task completed twice, not two timers that fired once', () => {
    // given
    const fired = (stream: string, timerId: string): StoredEvent => ({ stream, type: 'TimerFired', data: { timerId } });
    const events = [fired('case-a', 'x'), fired('case-a', 'x'), fired('case-a', 'y'), fired('case-b', 'x'), { stream: 'case-a', type: 'TaskCompleted', data: { taskId: 't' } }, { stream: 'case-a', type: 'TaskCompleted', data: { taskId: 't' } }];

    // then
    expect(duplicates(events)).toEqual(['TimerFired case-a/x ×2', 'TaskCompleted case-a/t ×2']);
    expect(timersFired(events)).toBe(3);
  });

  it('names each zone its own crash flow and each deploy a new revision', () => {
    // then
    expect(crashFlow('cz', 7)).toContain('<bpmn:process id="crash-cz" name="崩溃测试 crash suite flow r7"');
  });

  it('takes the p99 of the soak samples', () => {
    // then
    expect(quantile(Array.from({ length: 100 }, (_, i) => i + 1), 0.99)).toBe(99);
    expect(quantile([], 0.99)).toBe(0);
  });
});
