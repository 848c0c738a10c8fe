// Cold start: a check and the look-ups people type, each timed against `node -e 0` run by run
// (alternated, so both see the same machine load), in this clone and in the package as npm
// installs it: packed with `npm pack`, installed globally into a temporary prefix, run from
// another folder, its bin run by node as the clone's is (node to node).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alternate, figure } from './measure.mjs';

const CHECK = ['iv-insertion', '--state', 'AK', '--cert', 'CMA'];
const COMMANDS = [
  ['check', CHECK],
  ['tasks', ['tasks']],
  ['state WA', ['state', 'WA']],
  ['check --format json', [...CHECK, '--format', 'json']],
];
const FLOOR = ['-e', '0'];
const TARGET = 1.25;

const against = (timing) => ({
  floor: 'node -e 0',
  floorValue: timing.floorMs,
  ratio: timing.ratio,
  pairedRatio: timing.pairedRatio,
});
const cold = (name, timing) =>
  figure(name, timing.subjectMs, 'ms', { ...against(timing), target: `<= ${TARGET}x`, met: timing.ratio <= TARGET });

/** What a run of a bin printed and its exit status. */
function answer(bin, args, cwd) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The clone packed with `npm pack` and installed with `npm i -g --prefix` under `dir`: the installed bin. */
function installPackage(root, dir) {
  // dist/ is what `npm run bench` has just built: the pack does not build it again (`prepare`).
  const tarball = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], {
    cwd: root,
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .at(-1);
  const prefix = join(dir, 'prefix');
  execFileSync(
    'npm',
    ['install', '--global', '--prefix', prefix, join(dir, tarball), '--prefer-offline', '--no-audit', '--no-fund'],
    { cwd: dir, stdio: 'ignore' },
  );
  return join(prefix, 'lib', 'node_modules', 'ma-check', 'bin', 'ma-check.js');
}

export async function bench({ quick, root }) {
  const runs = quick ? 3 : 20;
  const bin = join(root, 'bin', 'ma-check.js');
  const figures = COMMANDS.map(([name, args]) => cold(name, alternate([bin, ...args], FLOOR, runs)));

  const dir = mkdtempSync(join(tmpdir(), 'ma-check-bench-cold-'));
  try {
    const installed = installPackage(root, dir);
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    const dated = [...CHECK, '--as-of', '2026-11-25'];
    const there = answer(installed, dated, elsewhere);
    if (JSON.stringify(there) !== JSON.stringify(answer(bin, dated, root)))
      throw new Error(`the installed package answers otherwise: ${JSON.stringify(there)}`);
    const timing = alternate([installed, ...CHECK], FLOOR, quick ? 1 : runs, { cwd: elsewhere });
    figures.push(cold('check, installed (npm pack, npm i -g --prefix)', timing));

    if (!quick) {
      // Context, no target: what running any script file costs over `node -e 0`, and, where the
      // environment sets NODE_EXTRA_CA_CERTS (every Node start then reads a certificate bundle,
      // tens of ms, which flatters every ratio), the check timed without it.
      const empty = join(dir, 'empty.js');
      writeFileSync(empty, '');
      const script = alternate([empty], FLOOR, runs);
      figures.push(figure('an empty script file', script.subjectMs, 'ms', against(script)));
      if (process.env.NODE_EXTRA_CA_CERTS !== undefined) {
        const { NODE_EXTRA_CA_CERTS: _, ...env } = process.env;
        const clean = alternate([bin, ...CHECK], FLOOR, runs, { env });
        figures.push(cold('check, without NODE_EXTRA_CA_CERTS', clean));
        const emptyClean = alternate([empty], FLOOR, runs, { env });
        figures.push(
          figure('an empty script file, without NODE_EXTRA_CA_CERTS', emptyClean.subjectMs, 'ms', against(emptyClean)),
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
