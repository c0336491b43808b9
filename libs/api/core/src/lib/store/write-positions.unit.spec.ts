import { WritePositions, comparePositions } from './write-positions';

describe('comparePositions', () => {
  it('orders positions by number, not by text', () => {
    // given
    const positions = ['10', '9', '100', '2'];

    // when
    const sorted = [...positions].sort(comparePositions);

    // then
    expect(sorted).toEqual(['2', '9', '10', '100']);
  });

  it('orders two-part positions part by part', () => {
    // then
    expect(comparePositions('1024/1000', '1024/999')).toBe(1);
    expect(comparePositions('7/7', '7/7')).toBe(0);
    expect(comparePositions('9/9', '10/1')).toBe(-1);
  });
});

describe('WritePositions', () => {
  it('keeps the newest position recorded, whatever the order of arrival', () => {
    // given
    const writes = new WritePositions();

    // when
    writes.record('12');
    writes.record('30');
    writes.record('29');

    // then
    expect(writes.latest).toBe('30');
  });
  it('counts the events not yet projected on KurrentDB’s commit/prepare positions', () => {
    // given two appends at KurrentDB log positions: a case start of 3 events, a completion of 2
    const writes = new WritePositions();
    writes.record('2048/2048', 3);
    writes.record('4096/4096', 2);

    // when the read models stand before both, after the first, after both
    const beforeBoth = writes.unprojected(undefined);
    const afterFirst = writes.unprojected('2048/2048');
    const afterBoth = writes.unprojected('4096/4096');

    // then the lag is the events of the appends still ahead of them
    expect([beforeBoth, afterFirst, afterBoth]).toEqual([5, 2, 0]);
    expect(writes.latest).toBe('4096/4096');
  });

  it('counts the events of appends that finished out of order on SQLite positions', () => {
    // given a group commit answering its appends out of order
    const writes = new WritePositions();
    writes.record('30', 4);
    writes.record('21', 5);

    // when the read models hold position 25
    const lag = writes.unprojected('25');

    // then only the append at 30 is ahead
    expect(lag).toBe(4);
    expect(writes.latest).toBe('30');
  });
});
