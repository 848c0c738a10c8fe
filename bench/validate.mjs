// `validate` on ten copies of the shipped rules (issue 11, area 4) against ajv-cli checking the
// same YAML files against the exported JSON Schemas (schema/*.schema.json), one ajv-cli run per
// kind of file, as a CI job without ma-check would. Both read and parse every file and check it
// against its kind's schema; ma-check also checks the references between files, lints, and checks
// the cases' ids. Rounds alternate ajv-cli and ma-check so that both see the same machine load;
// each figure is the median of its rounds, with each tool's peak RSS (its highest process).
//
// ajv-cli is not a dependency: the full bench installs it once into node_modules/.cache (npm,
// network) and reuses it; --quick never installs, and skips ajv-cli with a note when it is missing.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { figure, median, runMeasured } from './measure.mjs';

const COPIES = 10;
const TIME_TARGET = 0.6;
const RSS_TARGET_MB = 120;
/** The kinds of rule file and where each lives in a rules folder; a folder's cases are checked too. */
const KINDS = [
  ...['credentials', 'trainings', 'conditions', 'citations', 'tags', 'roles', 'settings', 'national'].map((kind) => ({
    kind,
    files: (copy) => [`${copy}/${kind}.yaml`],
  })),
  { kind: 'task', folder: 'tasks' },
  { kind: 'state', folder: 'states' },
  { kind: 'case', folder: 'cases' },
];
const AJV_PACKAGES = ['ajv-cli@5', 'ajv-formats@3'];

/** Where the bench keeps ajv-cli, and its bin. */
const ajvHome = (root) => join(root, 'node_modules', '.cache', 'ma-check-bench');
const ajvBin = (root) => join(ajvHome(root), 'node_modules', 'ajv-cli', 'dist', 'index.js');

/** ajv-cli's bin, installed on first use unless `quick`; undefined (with why) when it is not there. */
function ajvCli(root, quick) {
  if (existsSync(ajvBin(root))) return { bin: ajvBin(root) };
  if (quick) return { why: 'not installed; the full bench installs it' };
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const args = ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', ajvHome(root), ...AJV_PACKAGES];
  const r = spawnSync(npm, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0 || !existsSync(ajvBin(root))) throw new Error(`npm ${args.join(' ')} failed: ${r.stderr}`);
  return { bin: ajvBin(root) };
}

/** The data files of each kind, relative to the tree, in every copy. */
function filesByKind(tree, copies) {
  return KINDS.map(({ kind, folder, files }) => ({
    kind,
    files: copies.flatMap((copy) =>
      folder
        ? readdirSync(join(tree, copy, folder))
            .filter((name) => name.endsWith('.yaml'))
            .map((name) => `${copy}/${folder}/${name}`)
        : files(copy),
    ),
  }));
}

export async function bench({ quick = false, root }) {
  const copies = Array.from({ length: quick ? 1 : COPIES }, (_, i) => `copy${i}`);
  const rounds = quick ? 1 : 5;
  const tree = mkdtempSync(join(tmpdir(), 'ma-check-bench-validate-'));
  try {
    for (const copy of copies) cpSync(join(root, 'rules'), join(tree, copy), { recursive: true });
    const kinds = filesByKind(tree, copies);
    const count = kinds.reduce((n, k) => n + k.files.length, 0);
    const ajv = ajvCli(root, quick);
    const bin = join(root, 'bin', 'ma-check.js');

    const times = { ma: [], ajv: [] };
    const rss = { ma: 0, ajv: 0 };
    const validate = () => {
      const r = runMeasured(bin, ['validate', ...copies], { cwd: tree });
      // 0: the shipped rules hold warnings at most.
      if (r.status !== 0) throw new Error(`ma-check validate exited ${r.status}: ${r.stderr}`);
      times.ma.push(r.seconds);
      rss.ma = Math.max(rss.ma, r.rssMb);
    };
    // Every field checked (--all-errors), errors one line each: js-yaml 3 reads unquoted dates as
    // YAML 1.1 timestamps, which the schemas (strings) reject, so most files come back invalid.
    const ajvRun = () => {
      let seconds = 0;
      for (const { kind, files } of kinds) {
        const schema = join(root, 'schema', `${kind}.schema.json`);
        const args = ['validate', '--strict=false', '-c', 'ajv-formats', '--all-errors', '--errors=line'];
        const r = runMeasured(ajv.bin, [...args, '-s', schema, ...files.flatMap((f) => ['-d', f])], { cwd: tree });
        if (r.status !== 0 && r.status !== 1) throw new Error(`ajv-cli (${kind}) exited ${r.status}: ${r.stderr}`);
        seconds += r.seconds;
        rss.ajv = Math.max(rss.ajv, r.rssMb);
      }
      times.ajv.push(seconds);
    };
    for (let round = 0; round < rounds; round++) {
      if (ajv.bin) ajvRun();
      validate();
    }

    const seconds = median(times.ma);
    const what = `${copies.length} ${copies.length === 1 ? 'copy' : 'copies'} of the shipped rules (${count} files)`;
    if (!ajv.bin)
      return [
        figure(`validate, ${what} (no ajv-cli: ${ajv.why})`, seconds, 's'),
        figure('validate peak RSS', rss.ma, 'MB', { target: `<= ${RSS_TARGET_MB} MB`, met: rss.ma <= RSS_TARGET_MB }),
      ];
    const ajvSeconds = median(times.ajv);
    return [
      figure(`ajv-cli on the same files (${kinds.length} runs, one per kind)`, ajvSeconds, 's', { rssMb: rss.ajv }),
      figure(`validate, ${what}`, seconds, 's', {
        floor: 'ajv-cli',
        floorValue: ajvSeconds,
        ratio: seconds / ajvSeconds,
        target: `<= ${TIME_TARGET}x`,
        met: seconds / ajvSeconds <= TIME_TARGET,
      }),
      figure('validate peak RSS', rss.ma, 'MB', {
        floor: 'ajv-cli',
        floorValue: rss.ajv,
        ratio: rss.ma / rss.ajv,
        target: `<= ${RSS_TARGET_MB} MB`,
        met: rss.ma <= RSS_TARGET_MB,
      }),
    ];
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }
}
