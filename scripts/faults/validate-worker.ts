// Runs `ma-check validate` in process on mutated copies of a rules folder, one job at a time, for
// scripts/fault-run.ts. A job that hangs or eats memory is the parent's to notice: it ends this worker.
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { editText, random, replaceWithSpecial, SPECIAL_KINDS } from './mutations.js';

export interface Job {
  index: number;
  seed: number;
}

export interface JobResult {
  index: number;
  mutation: string;
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

const { fixture, packageRoot } = workerData as { fixture: string; packageRoot: string };
const files = readdirSync(fixture, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const version = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')).version as string;
const scratch = mkdtempSync(join(tmpdir(), 'ma-check-faults-'));

/** Mutation `index` of run `seed`: one to three edits of a file's text, or (one time in eight) a special file. */
function mutate(root: string, { index, seed }: Job): string {
  const next = random(seed * 100_003 + index);
  const file = files[Math.floor(next() * files.length)]!;
  const path = join(root, file);
  if (next() < 0.125) {
    const kind = SPECIAL_KINDS[Math.floor(next() * SPECIAL_KINDS.length)]!;
    return replaceWithSpecial(path, kind) ? `${file}: ${kind}` : `${file}: unchanged (${kind} not possible here)`;
  }
  let text = readFileSync(path, 'utf8');
  const edits: string[] = [];
  for (let n = 1 + Math.floor(next() * 3); n > 0; n--) {
    const edit = editText(text, next);
    text = edit.text;
    edits.push(edit.what);
  }
  writeFileSync(path, text);
  return `${file}: ${edits.join('; ')}`;
}

parentPort!.on('message', async (job: Job) => {
  const root = join(scratch, `run-${job.index}`);
  cpSync(fixture, root, { recursive: true });
  const mutation = mutate(root, job);
  // Said before the run, so that a run that never answers can still be named.
  parentPort!.postMessage({ index: job.index, mutation, started: true });
  let stdout = '';
  let stderr = '';
  const io: Io = {
    out: (text) => {
      stdout += text;
    },
    err: (text) => {
      stderr += text;
    },
    stdoutIsTTY: false,
    env: {},
    cwd: root,
    today: () => '2026-12-07',
  };
  const started = performance.now();
  const code = await main(['validate', root, '--format', 'json'], io, { packageRoot, version });
  const result: JobResult = { index: job.index, mutation, code, stdout, stderr, ms: performance.now() - started };
  for (const f of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    try {
      chmodSync(join(root, f), 0o700);
    } catch {
      // A dangling link or a FIFO: removed below all the same.
    }
  }
  rmSync(root, { recursive: true, force: true });
  parentPort!.postMessage(result);
});
