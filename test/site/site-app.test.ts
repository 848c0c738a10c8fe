import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { createEvaluator } from '../../src/evaluate/evaluator.js';
import { resolveQuery } from '../../src/evaluate/resolve-query.js';
import { indexRules } from '../../src/rules/index-rules.js';
import { readSnapshot } from '../../src/rules/snapshot.js';
import { buildSite } from '../../src/site/build-site.js';
import type { SiteData } from '../../src/site/site-data.js';
import { shipped } from '../helpers/load.js';
import { REPO } from '../helpers/paths.js';

const SRC = join(REPO, 'src');

describe('the app answers from the CLI’s own rules and evaluator', () => {
  const ruleSet = shipped();
  const files = buildSite({ ruleSet, asOf: '2026-11-25', version: '9.9.9', appScript: '/* app */' });
  const dataJs = files.find((f) => f.path === 'assets/data.js')!.content;

  test('assets/data.js runs as a script and sets the rule data, its digest, the date and the version', () => {
    expect(/^[\x00-\x7f]*$/.test(dataJs)).toBe(true);
    const sandbox: { MA_CHECK_DATA?: SiteData } = {};
    runInNewContext(dataJs, sandbox);
    const site = sandbox.MA_CHECK_DATA!;
    expect(site).toMatchObject({ digest: ruleSet.digest, asOf: '2026-11-25', version: '9.9.9' });
    expect(site.data).toEqual(JSON.parse(JSON.stringify(ruleSet.data)));
  });

  test('the same bytes whether the rules come from the build’s snapshot or from the YAML files', async () => {
    const snapshot = await readSnapshot(join(REPO, 'dist', 'rules.snapshot.json'), join(REPO, 'rules'));
    if (!snapshot.fresh) throw new Error(`the snapshot is stale: ${snapshot.reason}`);
    const fromSnapshot = buildSite({
      ruleSet: snapshot.ruleSet,
      asOf: '2026-11-25',
      version: '9.9.9',
      appScript: '/* app */',
    });
    expect(fromSnapshot.map((f) => f.path)).toEqual(files.map((f) => f.path));
    fromSnapshot.forEach((f, i) => expect(f.content === files[i]!.content, f.path).toBe(true));
  });

  test('decisions from the embedded data equal the CLI’s, query for query', () => {
    const sandbox: { MA_CHECK_DATA?: SiteData } = {};
    runInNewContext(dataJs, sandbox);
    const site = sandbox.MA_CHECK_DATA!;
    const browserEvaluator = createEvaluator(indexRules(site.data, site.digest));
    const queries = [
      { task: 'iv-insertion', states: ['AK'], credentials: ['CMA'] },
      { task: 'iv-insertion', states: ['WA', 'AK'], credentials: ['WA-MA-C'], supervision: 'direct' },
      { task: 'venipuncture', states: ['CA'], credentials: ['none'], delegator: 'physician' },
      { task: 'xray-operation', states: ['US'] },
      { task: 'im-injection', states: null, trainings: ['none'], setting: 'hospital' },
      { task: 'filing', states: ['NY'] },
    ];
    for (const input of queries) {
      const cli = resolveQuery(ruleSet, { ...input, asOf: '2026-11-25' });
      const app = browserEvaluator.resolve({ ...input, asOf: '2026-11-25' });
      if (!cli.ok || !app.ok) throw new Error(`does not resolve: ${JSON.stringify(input)}`);
      expect(JSON.stringify(browserEvaluator.evaluate(app.query))).toBe(JSON.stringify(evaluate(ruleSet, cli.query)));
    }
  });

  test('the browser bundle is ASCII and loads nothing: no require, no import', () => {
    const app = readFileSync(join(REPO, 'dist', 'site-app.js'), 'utf8');
    expect(/^[\x00-\x7f]*$/.test(app)).toBe(true);
    expect(app).not.toMatch(/\brequire\(|\bimport\(|^import\s/m);
  });

  test('the generator and the app read no clock, environment, console or randomness', () => {
    const files = ['site', 'browser'].flatMap((layer) =>
      readdirSync(join(SRC, layer))
        .filter((f) => f.endsWith('.ts'))
        .map((f) => join(SRC, layer, f)),
    );
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter((file) =>
      /\bprocess\.|\bconsole\.|Date\.now|new Date\(|Math\.random/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
