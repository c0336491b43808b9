import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFormVariables } from './form-variables';

const windowCheck = JSON.parse(readFileSync(join(__dirname, '../../../fixtures/bpmn/forms/window-check.form'), 'utf8')) as unknown;

describe('checkFormVariables', () => {
  it('accepts variables that fit the form', () => {
    // given
    const variables = { applicantName: '晋南新材料', investment: 1200, complete: true, tier: '2' };

    // when
    const problems = checkFormVariables(windowCheck, variables);

    // then
    expect(problems).toEqual([]);
  });

  it('names a missing required field', () => {
    // given
    const variables = { investment: 10 };

    // when
    const problems = checkFormVariables(windowCheck, variables);

    // then
    expect(problems).toEqual([{ field: 'applicantName', message: '申请单位 is required' }]);
  });

  it('names every field of the wrong type or outside its values', () => {
    // given
    const variables = { applicantName: '晋南新材料', investment: '1200', complete: 'yes', tier: '4' };

    // when
    const problems = checkFormVariables(windowCheck, variables);

    // then
    expect(problems.map((p) => p.field)).toEqual(['investment', 'complete', 'tier']);
  });

  it('reads a form given as JSON text, and ignores a form it cannot read', () => {
    // given
    const asText = JSON.stringify(windowCheck);

    // when
    const fromText = checkFormVariables(asText, {});
    const fromGarbage = checkFormVariables('not json', {});

    // then
    expect(fromText.map((p) => p.field)).toEqual(['applicantName']);
    expect(fromGarbage).toEqual([]);
  });
});
