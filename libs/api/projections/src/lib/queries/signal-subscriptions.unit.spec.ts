import type { RecordedEvent } from '@banjie/event-store';
import { openReadModelDatabase } from '../read-models/read-model-database';
import { signalSubscriptionsProjection } from '../read-models/signal-subscriptions.projection';
import { SignalSubscriptions } from './signal-subscriptions';

let position = 0;
function recorded(caseId: string, type: string, data: Record<string, unknown>, zoneId = 'lf'): RecordedEvent {
  position++;
  return {
    id: `e${position}`, stream: `case-${caseId}`, revision: BigInt(position), position: String(position), type, data,
    metadata: { zoneId }, recordedAt: '2026-03-02T01:00:00.000Z', prevHash: '', hash: `h${position}`,
  };
}

function waits(caseId: string, signalName: string, zoneId = 'lf'): RecordedEvent {
  return recorded(caseId, 'SignalSubscriptionOpened', { subscriptionId: `s-${caseId}-${signalName}`, signalName, elementId: 'Wait_Flood', elementInstanceId: `i-${caseId}` }, zoneId);
}

function given(...events: RecordedEvent[]): SignalSubscriptions {
  const db = openReadModelDatabase(undefined);
  db.exec(signalSubscriptionsProjection.schema);
  for (const event of events) signalSubscriptionsProjection.apply(db, event);
  return new SignalSubscriptions(db);
}

describe('the signal subscriptions read model', () => {
  it('answers the cases of the zone that waited for the signal when it was thrown', () => {
    // given two Linfen cases waiting, a Changzi case waiting, and a Linfen case that begins to wait after the throw
    const early = waits('lf-early', 'FloodAlert');
    const other = waits('lf-other', 'DroughtAlert');
    const changzi = waits('cz-1', 'FloodAlert', 'cz');
    const second = waits('lf-second', 'FloodAlert');
    const thrownAt = String(position + 1);
    position++;
    const late = waits('lf-late', 'FloodAlert');
    const subscriptions = given(early, other, changzi, second, late);

    // when
    const receivers = subscriptions.waitingCases('FloodAlert', 'lf', thrownAt);

    // then
    expect(receivers).toEqual(['lf-early', 'lf-second']);
  });

  it('forgets a subscription once closed, and every subscription of a case that ended', () => {
    // given
    const subscriptions = given(
      waits('a', 'FloodAlert'),
      waits('b', 'FloodAlert'),
      recorded('a', 'SignalSubscriptionClosed', { subscriptionId: 's-a-FloodAlert' }),
      recorded('b', 'CaseCancelled', { reason: 'withdrawn', endedAt: '2026-03-02T02:00:00.000Z' }),
    );

    // when
    const receivers = subscriptions.waitingCases('FloodAlert', 'lf', String(position + 1));

    // then
    expect(receivers).toEqual([]);
  });
});
