import { describe, expect, test } from 'vitest';
import { type CheckerFields, fieldsFromParams, paramsOf, queryInputOf } from '../../src/site/checker-fields.js';

const FIELDS: CheckerFields = {
  task: 'iv-insertion',
  states: ['AK', 'CA'],
  cert: ['CMA'],
  supervision: 'direct',
  training: ['none'],
  delegator: 'physician',
  setting: '',
};

describe('the checker’s question in the address', () => {
  test('written with the option names of check, lists repeated, and read back the same', () => {
    const params = paramsOf(FIELDS);
    expect(params.toString()).toBe(
      'task=iv-insertion&state=AK&state=CA&cert=CMA&training=none&supervision=direct&delegator=physician',
    );
    expect(fieldsFromParams(new URLSearchParams(params.toString()))).toEqual(FIELDS);
  });

  test('comma-separated lists are read as check reads them', () => {
    const fields = fieldsFromParams(new URLSearchParams('task=start-iv&state=AK,%20Washington&cert=CMA,RMA'));
    expect(fields).toMatchObject({ task: 'start-iv', states: ['AK', 'Washington'], cert: ['CMA', 'RMA'] });
  });

  test('no task: the form is filled in, nothing is asked', () => {
    expect(fieldsFromParams(new URLSearchParams('state=WA'))).toMatchObject({ task: '', states: ['WA'] });
    expect(paramsOf({ states: ['WA'] }).toString()).toBe('state=WA');
  });

  test('what is left empty is unknown, as an option left out of check; none is none', () => {
    const input = queryInputOf({ ...FIELDS, states: [], supervision: '', delegator: '' }, '2026-11-25');
    expect(input).toEqual({
      task: 'iv-insertion',
      states: null,
      credentials: ['CMA'],
      supervision: null,
      trainings: ['none'],
      delegator: null,
      setting: null,
      confirmed: [],
      denied: [],
      asOf: '2026-11-25',
    });
  });
});
