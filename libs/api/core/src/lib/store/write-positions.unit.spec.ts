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
});
