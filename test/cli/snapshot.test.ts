import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { RuleSet } from '../../src/domain/rule-set.js';
import { listRuleSetSources } from '../../src/rules/list-sources.js';
import { loadRules } from '../../src/rules/load-rules.js';
import { createSnapshot, readSnapshot, snapshotText } from '../../src/rules/snapshot.js';
import { shipped } from '../helpers/load.js';
import { runMain } from '../helpers/memory-io.js';
import { MINIMAL, REPO } from '../helpers/paths.js';

// The build snapshot (src/rules/snapshot.ts): when a check may answer from it, and that what it
// answers is the rule set the YAML gives. Each install here is a real folder: the minimal rule
// set as its rules/, and a snapshot built from them whose `filing` task is renamed, so the answer
// shows which one was read.
const scratch = mkdtempSync(join(tmpdir(), 'ma-check-snapshot-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const FROM_SNAPSHOT = /^Filing from the snapshot \(filing\)/;
const FROM_YAML = /^Filing \(filing\)/;
const FILING = ['filing', '--state', 'AK', '--as-of', '2026-11-25'];

/** A package root at `root`: package.json, the minimal rules, and a marked snapshot of them in dist/. */
async function install(root: string): Promise<string> {
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'ma-check', version: '0.0.0-test' }));
  cpSync(MINIMAL, join(root, 'rules'), { recursive: true });
  const loaded = loadRules({ root: join(root, 'rules'), cwd: root });
  if (!loaded.ok) throw new Error('the minimal rules do not load');
  const data = structuredClone(loaded.ruleSet.data);
  data.tasks.find((t) => t.id === 'filing')!.name = 'Filing from the snapshot';
  const snapshot = await createSnapshot(join(root, 'rules'), data, loaded.ruleSet.digest);
  writeFileSync(join(root, 'dist', 'rules.snapshot.json'), snapshotText(snapshot));
  return root;
}

const filing = async (root: string) => {
  const { code, stdout, stderr } = await runMain(FILING, { install: { packageRoot: root, version: '0.0.0-test' } });
  expect([code, stderr]).toEqual([0, '']);
  return stdout;
};

const validateWarnings = async (root: string) => {
  const { stdout } = await runMain(['validate', '--format', 'json'], {
    install: { packageRoot: root, version: '0.0.0-test' },
    cwd: root,
  });
  return (JSON.parse(stdout).diagnostics as { code: string; file: string; message: string }[]).filter(
    (d) => d.code === 'stale-snapshot',
  );
};

/** The same content written again, or a file's bytes changed in place without changing its size. */
const touch = (file: string) => utimesSync(file, new Date(), new Date(Date.now() + 60_000));
const sameSizeEdit = (file: string) =>
  writeFileSync(file, readFileSync(file, 'utf8').replace('Filing records.', 'Filing RECORDS.'));

describe('a clone: the snapshot answers while the rule files have the content it was built from', () => {
  test('fresh, then touched (a checkout, a copy): the snapshot answers; validate says nothing', async () => {
    const root = await install(join(scratch, 'touched'));
    expect(await filing(root)).toMatch(FROM_SNAPSHOT);
    for (const file of ['tasks/filing.yaml', 'credentials.yaml', 'states/AK.yaml']) touch(join(root, 'rules', file));
    expect(await filing(root)).toMatch(FROM_SNAPSHOT);
    expect(await validateWarnings(root)).toEqual([]);
  });

  test('a file edited, even to the same size: the YAML answers and validate warns stale-snapshot', async () => {
    const root = await install(join(scratch, 'edited'));
    const before = readFileSync(join(root, 'rules', 'tasks', 'filing.yaml')).length;
    sameSizeEdit(join(root, 'rules', 'tasks', 'filing.yaml'));
    expect(readFileSync(join(root, 'rules', 'tasks', 'filing.yaml')).length).toBe(before);
    expect(await filing(root)).toMatch(FROM_YAML);
    expect(await validateWarnings(root)).toEqual([
      {
        code: 'stale-snapshot',
        file: 'dist/rules.snapshot.json',
        severity: 'warning',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        pointer: '',
        message:
          'the build snapshot does not match the rule files (tasks/filing.yaml changed); checks parse the YAML until you run npm run build',
      },
    ]);
  });

  test('a file added or removed: stale until the list is the same again', async () => {
    const root = await install(join(scratch, 'added'));
    const rules = join(root, 'rules');
    const state = () => readSnapshot(join(root, 'dist', 'rules.snapshot.json'), rules);
    const stale = { fresh: false, reason: 'rule files were added or removed' };
    cpSync(join(rules, 'tasks', 'filing.yaml'), join(rules, 'tasks', 'filing-copy.yaml'));
    expect(await state()).toEqual(stale);
    rmSync(join(rules, 'tasks', 'filing-copy.yaml'));
    expect(await filing(root)).toMatch(FROM_SNAPSHOT);
    rmSync(join(rules, 'tasks', 'triage.yaml'));
    expect(await state()).toEqual(stale);
  });

  test('a damaged or missing snapshot: the YAML answers', async () => {
    const root = await install(join(scratch, 'damaged'));
    const snapshot = join(root, 'dist', 'rules.snapshot.json');
    const text = readFileSync(snapshot, 'latin1');
    writeFileSync(snapshot, text.slice(0, text.length - 200));
    expect(await filing(root)).toMatch(FROM_YAML);
    writeFileSync(snapshot, JSON.stringify({ format: 2 }));
    expect(await readSnapshot(snapshot, join(root, 'rules'))).toEqual({
      fresh: false,
      reason: 'snapshot format changed',
    });
    rmSync(snapshot);
    expect(await filing(root)).toMatch(FROM_YAML);
  });
});

describe('an installed package (inside node_modules, not a git checkout) trusts its snapshot', () => {
  test('its rule files are not read: an edit there changes nothing, validate says nothing; a .git makes it a clone', async () => {
    const root = await install(join(scratch, 'prefix', 'lib', 'node_modules', 'ma-check'));
    sameSizeEdit(join(root, 'rules', 'tasks', 'filing.yaml'));
    touch(join(root, 'rules', 'states', 'AK.yaml'));
    expect(await filing(root)).toMatch(FROM_SNAPSHOT);
    expect(await validateWarnings(root)).toEqual([]);
    mkdirSync(join(root, '.git'));
    expect(await filing(root)).toMatch(FROM_YAML);
  });
});

/** Every map, list and index of a rule set, in order, as plain values. */
function contents(ruleSet: RuleSet) {
  const { data } = ruleSet;
  return {
    digest: ruleSet.digest,
    data: JSON.parse(JSON.stringify(data)),
    keys: Object.keys(data),
    maps: (
      ['tasks', 'credentials', 'trainings', 'conditions', 'citations', 'roles', 'settings', 'states', 'rules'] as const
    ).map((name) => [...ruleSet[name]]),
    sizes: [ruleSet.rules.size, ruleSet.citations.size, ruleSet.states.size, ruleSet.conditions.size],
    lineages: [ruleSet.roleLineage, ruleSet.settingLineage, ruleSet.trainingMeets].map((m) => [...m]),
    rulesOf: data.tasks.map((t) => {
      const { national, byState, overlays } = ruleSet.rulesOf(t.id);
      return { national, byState: [...byState], overlays, AK: byState.get('AK'), ZZ: byState.get('ZZ') };
    }),
  };
}

describe('the snapshot gives the rule set the YAML gives', () => {
  test('the shipped rules: every entry, list, map and task index equal, parsed only when read', async () => {
    const read = await readSnapshot(join(REPO, 'dist', 'rules.snapshot.json'), join(REPO, 'rules'));
    if (!read.fresh) throw new Error(`the build snapshot is stale: ${read.reason}`);
    const lazy = read.ruleSet;
    // Entries read one at a time are the very objects the lists hold later.
    const rule = lazy.rulesOf('iv-insertion').national[0]!;
    const citation = lazy.citations.get(rule.cites[0]!)!;
    expect(lazy.rules.get('no-such-rule')).toBeUndefined();
    expect(lazy.states.has('AK')).toBe(true);
    expect(contents(lazy)).toStrictEqual(contents(shipped()));
    expect(lazy.data.rules).toContain(rule);
    expect([...lazy.citations.values()]).toContain(citation);
    expect(() => lazy.rulesOf('no-such-task')).toThrow("rulesOf: unknown task 'no-such-task'");
  });
});

describe('listing the rule files, as the snapshot and the loader do', () => {
  test('each path is the one join gives, however the folder is written', () => {
    const absolute = join(REPO, 'rules');
    const names = listRuleSetSources(absolute).entries.map((e) => relative(absolute, e.path));
    expect(names.length).toBeGreaterThan(100);
    const fromHere = relative(process.cwd(), absolute);
    for (const root of [absolute, `${absolute}/`, `${absolute}/.`, fromHere, `./${fromHere}`, `${fromHere}/`])
      expect(listRuleSetSources(root).entries.map((e) => e.path)).toEqual(names.map((name) => join(root, name)));
  });
});
