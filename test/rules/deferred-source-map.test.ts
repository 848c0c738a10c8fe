import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadCases } from '../../src/rules/load-cases.js';
import { parseYaml } from '../../src/rules/parse-yaml.js';
import { SourceMap } from '../../src/rules/source-map.js';
import { FIXTURES } from '../helpers/paths.js';

const scratch = mkdtempSync(join(tmpdir(), 'ma-check-deferred-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('a loaded file keeps no node tree: a later finding parses it again', () => {
  test('a deferred map builds its tree on the first range asked for, once, and answers as a bound map does', () => {
    const text = 'a:\n  b: [1, 2]\n  c: x\n';
    const bound = parseYaml('f.yaml', text).map;
    let built = 0;
    const deferred = SourceMap.deferred(() => {
      built++;
      return parseYaml('f.yaml', text).map;
    });
    expect(built).toBe(0);
    for (const path of [['a', 'b', 1], ['a', 'c'], ['a', 'missing'], []])
      expect(deferred.rangeOf(path)).toEqual(bound.rangeOf(path));
    expect(deferred.rangeOf(['a', 'c'], 'key')).toEqual(bound.rangeOf(['a', 'c'], 'key'));
    expect(deferred.rangeAtOffset(5)).toEqual(bound.rangeAtOffset(5));
    expect(built).toBe(1);
  });

  test("a case's findings are located in its file as it reads when they are reported; a file gone, at its start", () => {
    const dir = join(scratch, 'cases');
    mkdirSync(dir);
    const file = join(dir, 'AK.yaml');
    const original = readFileSync(join(FIXTURES, 'cases', 'AK.yaml'), 'utf8');
    writeFileSync(file, original);
    const [loaded] = loadCases(dir, scratch).cases;
    writeFileSync(file, `# two lines\n# added\n${original}`);
    // Where the case was written comes from the first parse; a finding inside it, from the file now.
    expect(loaded!.range.line).toBe(4);
    expect(loaded!.locate(['source']).line).toBe(7);
    const [again] = loadCases(dir, scratch).cases;
    rmSync(file);
    expect(again!.locate(['source'])).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 1 });
  });
});
