import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCases } from '../../src/rules/load-cases.js';
import { FIXTURES, REPO } from '../helpers/paths.js';

describe('case files', () => {
  test('a case id used twice, in one file or across files, is an error at the second; the first still runs', () => {
    const { cases, diagnostics } = loadCases(join(FIXTURES, 'case-files', 'duplicate-ids'), REPO);
    expect(cases.map((c) => `${c.file.split('/').at(-1)} ${c.case.id}`)).toEqual(['AK.yaml AK/filing-allowed']);
    expect(diagnostics.map((d) => `${d.file.split('/').at(-1)}:${d.line} ${d.code}`)).toEqual([
      'AK.yaml:8 duplicate-id',
      'CT.yaml:4 duplicate-id',
    ]);
    expect(diagnostics[0]!.message).toMatch(/^case 'AK\/filing-allowed' is already defined at .*AK\.yaml:4$/);
  });
});
