import { calendarRanges, formatCalendarLines, parseCalendarLines } from './calendar-lines';

describe('parseCalendarLines', () => {
  it('reads single days and ranges of a pasted notice', () => {
    // given
    const text = ['# 2027 年部分节假日安排', '2027-01-01..2027-01-03 元旦', '', '2027-02-05 至 2027-02-07 春节', '2027-04-05 清明节'].join('\n');

    // when
    const { days, problems } = parseCalendarLines(text);

    // then
    expect(problems).toEqual([]);
    expect(days).toEqual([
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-01-02', name: '元旦' },
      { date: '2027-01-03', name: '元旦' },
      { date: '2027-02-05', name: '春节' },
      { date: '2027-02-06', name: '春节' },
      { date: '2027-02-07', name: '春节' },
      { date: '2027-04-05', name: '清明节' },
    ]);
  });

  it('names the line of each thing it cannot read', () => {
    // given
    const text = ['2027-02-30 春节', '春节 2027-02-05', '2027-02-11..2027-02-05 春节', '2027-02-20 春节调休', '2027-02-20 again'].join('\n');

    // when
    const { days, problems } = parseCalendarLines(text);

    // then
    expect(days).toEqual([{ date: '2027-02-20', name: '春节调休' }]);
    expect(problems.map((problem) => problem.field)).toEqual(['第 1 行 line 1', '第 2 行 line 2', '第 3 行 line 3', '第 5 行 line 5']);
    expect(problems[0].message).toContain('2027-02-30');
    expect(problems[2].message).toContain('ends before it starts');
    expect(problems[3].message).toContain('listed twice');
  });

  it('crosses month ends in a range', () => {
    // when
    const { days } = parseCalendarLines('2028-02-28..2028-03-01 测试');

    // then
    expect(days.map((day) => day.date)).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
  });
});

describe('calendarRanges', () => {
  it('joins consecutive days of one name and keeps other names apart', () => {
    // given
    const days = [
      { date: '2027-02-06', name: '春节' },
      { date: '2027-02-05', name: '春节' },
      { date: '2027-02-07', name: '春节' },
      { date: '2027-02-08', name: '补假' },
      { date: '2027-02-20', name: '春节调休' },
    ];

    // when
    const ranges = calendarRanges(days);

    // then
    expect(ranges).toEqual([
      { from: '2027-02-05', to: '2027-02-07', name: '春节', days: 3 },
      { from: '2027-02-08', to: '2027-02-08', name: '补假', days: 1 },
      { from: '2027-02-20', to: '2027-02-20', name: '春节调休', days: 1 },
    ]);
  });

  it('writes days back as the lines it reads', () => {
    // given
    const text = '2027-01-01..2027-01-03 元旦\n2027-02-20 春节调休';

    // when
    const written = formatCalendarLines(parseCalendarLines(text).days);

    // then
    expect(written).toBe(text);
  });
});
