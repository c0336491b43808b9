import { evaluate } from 'feelin';
import { fastFeel } from './feel-fast-path';

const variables = { leader: 'zhaojun', approved: true, materials: 7, applicant: { name: '晋南新材料', tier: '1' }, list: [1, 2], nothing: null };

describe('FEEL fast path', () => {
  it.each([
    'leader',
    'applicant.name',
    'list',
    'nothing',
    'approved = true',
    'approved != false',
    'materials < 5',
    'materials >= 7',
    'applicant.tier = "1"',
    'leader = "lina"',
  ])('gives what feelin gives for %p', (feel) => {
    // given
    const expected = evaluate(feel, variables).value;

    // when
    const answer = fastFeel(feel, variables);

    // then
    expect(answer).toEqual({ found: true, value: expected });
  });

  it.each(['missing', 'applicant.missing', 'approved = 1', 'materials < "5"', 'leader < "x"', 'count(list)', 'not(approved)', 'a + 1', 'true'])(
    'leaves %p to feelin',
    (feel) => {
      // when
      const answer = fastFeel(feel, variables);

      // then
      expect(answer).toEqual({ found: false });
    },
  );
});
