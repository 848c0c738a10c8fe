/**
 * Issue 10, the audit's input and output streams: the cases an independent run found, replayed.
 * Rosters and assignments come from pipes, process substitution and FIFOs, read once (they
 * crashed with ESPIPE or hung); reports for people hold their findings outside memory (html and
 * text grew to gigabytes); `--output` is checked before any work (a folder failed with EISDIR
 * after the whole audit), keeps the file's mode and links, never replaces an input, and leaves no
 * temp file or copy of stdin behind after a signal (or, after SIGKILL, once the next run is done).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  linkSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { audit as auditRecords } from '../../src/audit/audit.js';
import { AuditTally } from '../../src/audit/audit-tally.js';
import { fileSpools } from '../../src/cli/audit/file-spool.js';
import { tempFor } from '../../src/cli/audit/stale-temps.js';
import type { AuditRecord, AuditRun } from '../../src/domain/audit.js';
import type { RosterItem } from '../../src/domain/roster.js';
import type { AuditFormat } from '../../src/format/audit-formats.js';
import { type AuditSpool, memorySpool, type SpoolFactory } from '../../src/format/audit-spool.js';
import { auditWriter } from '../../src/format/audit-writer.js';
import type { Chunk } from '../../src/format/chunk.js';
import { PLAIN } from '../../src/format/paint.js';
import { minimal } from '../helpers/load.js';
import { runMain, STACK_TRACE } from '../helpers/memory-io.js';
import { BIN, REPO } from '../helpers/paths.js';

const tmp = mkdtempSync(join(tmpdir(), 'ma-check-audit-io-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const AS_OF = ['--as-of', '2026-11-25'];
const ROSTER = 'examples/roster.csv';
const STAFF = 'examples/staff.csv';
const ASSIGNMENTS = 'examples/assignments.csv';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const audit = (args: string[]) => runMain(['audit', ...args, ...AS_OF]);
const HAS_MKFIFO = spawnSync('mkfifo', ['--version'], { stdio: 'ignore' }).status === 0;
const IS_ROOT = process.getuid?.() === 0;
/** A user that is not this one, for runs that must be refused a folder (root may write anywhere). */
const NOBODY = { uid: 65534, gid: 65534 };

/** A fresh folder in the test's temp folder. */
const folder = (name: string) => mkdtempSync(join(tmp, `${name}-`));

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The environment of a spawned run: nothing inherited that changes output. */
const env = (extra: Record<string, string> = {}) =>
  ({ ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, DEBUG: undefined, ...extra }) as NodeJS.ProcessEnv;

/** Waits for a child; one that takes more than five seconds is a hang, killed and reported as one. */
function ended(child: ChildProcess): Promise<Ended> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => {
    stdout += d;
  });
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  return new Promise((resolve) => {
    const hang = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.on('close', (code, signal) => {
      clearTimeout(hang);
      resolve({ code, signal, stdout, stderr: signal === 'SIGKILL' && !stderr ? 'hung: killed after 5 s' : stderr });
    });
  });
}

/**
 * A bash script, in the repository, with `$MA` as the real bin (`node bin/ma-check.js`) under a
 * five-second `timeout`, so a hang ends with 137 and leaves no process behind.
 */
const bash = (script: string, options: { uid?: number; gid?: number } = {}) =>
  ended(
    spawn('bash', ['-c', script], {
      cwd: REPO,
      env: env({ MA: `timeout -s KILL 5 "${process.execPath}" "${BIN}"` }),
      stdio: ['ignore', 'pipe', 'pipe'],
      ...options,
    }),
  );

describe('inputs are read once, as they come: pipes, process substitution, FIFOs', () => {
  test.skipIf(!HAS_MKFIFO)(
    'audit <(cat roster), --assignments <(cat file), a named FIFO: the same reports as from files (ESPIPE and a hang before)',
    async () => {
      const fifo = join(folder('fifo'), 'roster.csv');
      const [fromFile, staffFile, substituted, assignmentsSubstituted, throughFifo] = await Promise.all([
        audit([ROSTER, '-f', 'csv']),
        audit([STAFF, '--assignments', ASSIGNMENTS, '-f', 'csv']),
        bash(`eval "$MA audit <(cat ${ROSTER}) -f csv ${AS_OF.join(' ')}"`),
        bash(`eval "$MA audit ${STAFF} --assignments <(cat ${ASSIGNMENTS}) -f csv ${AS_OF.join(' ')}"`),
        bash(
          `mkfifo ${fifo} && (timeout 5 cat ${ROSTER} > ${fifo} &) && eval "$MA audit ${fifo} -f json ${AS_OF.join(' ')}"`,
        ),
      ]);
      expect(substituted).toEqual({ ...fromFile, signal: null });
      expect(substituted.code).toBe(1);
      expect(assignmentsSubstituted).toEqual({ ...staffFile, signal: null });
      expect(assignmentsSubstituted.code).toBe(0);
      expect([throughFifo.code, throughFifo.stderr]).toEqual([1, '']);
      // A FIFO can be read only once: the run opens without its digest, and the summary closes with it.
      const report = JSON.parse(throughFifo.stdout);
      expect(report.run.inputs).toEqual([{ role: 'roster', name: fifo, sha256: null }]);
      expect(report.summary.inputs).toEqual([
        { role: 'roster', name: fifo, sha256: sha256(readFileSync(join(REPO, ROSTER))) },
      ]);
    },
  );

  test('the SHA-256 is of the whole input, even when reading stops at a CSV syntax error', async () => {
    const roster = join(folder('syntax'), 'roster.csv');
    const bytes = Buffer.from(
      'staff_id,name,state,tasks\nA-1,Ann,AK,filing\nA-2,"Bo,AK,filing\nA-3,Cy,AK,filing\n'.repeat(2000),
    );
    writeFileSync(roster, bytes);
    const { code, stdout } = await audit([roster, '-f', 'ndjson']);
    expect(code).toBe(65);
    const records = stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    const inputs = [{ role: 'roster', name: roster, sha256: sha256(bytes) }];
    expect(records[0]).toMatchObject({ type: 'run', inputs });
    expect(records.at(-1)).toMatchObject({ type: 'summary', inputs });
  });
});

describe('reports for people hold their findings outside memory, byte for byte the same', () => {
  // Names with characters of two and three bytes, so a piece read back can end inside one.
  const rows: RosterItem[] = [
    { kind: 'columns', line: 1, names: ['staff_id', 'name', 'state', 'credentials', 'supervision', 'tasks'] },
  ];
  for (let i = 0; i < 300; i++)
    rows.push({
      kind: 'row',
      line: i + 2,
      column: 1,
      pointer: `/${i}`,
      cells: [
        `A-${i}`,
        `Zoë ${i} — Ω`,
        i % 7 === 0 ? 'ZZ' : i % 2 ? 'AK' : 'CT',
        'CMA',
        'general',
        'filing;im-injection',
      ],
    });
  const RUN: AuditRun = {
    tool: 'ma-check',
    version: '0.0.0-test',
    rulesDigest: 'sha256:00',
    asOf: '2026-11-25',
    failOn: 'prohibited',
    inputs: [{ role: 'roster', name: 'r.csv', sha256: 'ab' }],
  };

  async function render(format: AuditFormat, spool: SpoolFactory, table = false): Promise<string> {
    const decoder = new TextDecoder();
    const text = (c: Chunk): string =>
      typeof c === 'string'
        ? c
        : c instanceof Uint8Array
          ? decoder.decode(c, { stream: true })
          : c.map((p) => (typeof p === 'string' ? p : decoder.decode(p, { stream: true }))).join('');
    const writer = auditWriter({ format, redact: false, only: null, paint: PLAIN, table, spool });
    const tally = new AuditTally();
    let out = text(writer.start({ ...RUN, inputs: [{ ...RUN.inputs[0]!, sha256: null }] }));
    for await (const r of auditRecords(rows, minimal(), { asOf: '2026-11-25', rosterFile: 'r.csv' })) {
      tally.add(r as AuditRecord);
      out += text(writer.record(r));
    }
    for (const piece of writer.end(tally.result(300), RUN)) out += text(piece);
    writer.close();
    return out + decoder.decode();
  }

  test.each([
    ['text', false],
    ['text', true],
    ['markdown', false],
    ['html', false],
    ['json', false],
  ] as const)(
    '%s (table %s): spilled to a temp file that has no name, read back in odd pieces',
    async (format, table) => {
      const dir = folder('spool');
      const spilled: AuditSpool[] = [];
      const files = fileSpools(dir, { inMemory: 100, readBack: 7 });
      const watched: SpoolFactory = () => {
        const spool = files();
        spilled.push(spool);
        return {
          add: (text) => {
            spool.add(text);
            // Past the first spill every spool has a file, and none has a name.
            expect(readdirSync(dir)).toEqual([]);
          },
          drain: () => spool.drain(),
          close: () => spool.close(),
        };
      };
      const inMemory = await render(format, memorySpool, table);
      expect(inMemory.length).toBeGreaterThan(10_000);
      expect(await render(format, watched, table)).toBe(inMemory);
      expect(spilled.length).toBeGreaterThan(0);
      expect(readdirSync(dir)).toEqual([]);
    },
  );

  test('each finding is handed to a spool as it comes; the writer keeps none until the end', async () => {
    let added = 0;
    const counting: SpoolFactory = () => {
      const spool = memorySpool();
      return {
        ...spool,
        add: (text) => {
          added += text.length;
          spool.add(text);
        },
      };
    };
    const writer = auditWriter({
      format: 'html',
      redact: false,
      only: null,
      paint: PLAIN,
      table: false,
      spool: counting,
    });
    let findings = 0;
    for await (const r of auditRecords(rows, minimal(), { asOf: '2026-11-25', rosterFile: 'r.csv' })) {
      const before = added;
      writer.record(r);
      if (r.type === 'invalid' || r.decision.verdict !== 'allowed') {
        findings++;
        expect(added).toBeGreaterThan(before);
      }
    }
    expect(findings).toBeGreaterThan(100);
    writer.close();
  });
});

describe('--output is checked before any work', () => {
  test.each([
    ['a folder (EISDIR after the whole audit before)', () => folder('dir'), 'it is a folder'],
    ['a missing folder', () => join(tmp, 'no', 'such', 'report.csv'), 'no such folder'],
    ['a name ending in /', () => `${join(tmp, 'new')}/`, 'that names a folder'],
  ])('%s: exit 64, one line, before the roster is even opened', async (_name, target, why) => {
    const output = target();
    // A roster that does not exist: the output is refused first, so nothing was read.
    const { code, stdout, stderr } = await audit(['no/such/roster.csv', '-o', output]);
    expect([code, stdout]).toEqual([64, '']);
    expect(stderr.startsWith(`ma-check: cannot write ${output}: ${why}`)).toBe(true);
    expect(stderr.split('\n')).toHaveLength(2);
    expect(stderr).not.toMatch(STACK_TRACE);
  });

  test('the roster or assignments themselves, by any name (a link, a hard link, stdin): exit 64, the input untouched', async () => {
    const dir = folder('self');
    const roster = join(dir, 'roster.csv');
    const original = readFileSync(join(REPO, ROSTER));
    writeFileSync(roster, original);
    symlinkSync(roster, join(dir, 'link.csv'));
    linkSync(roster, join(dir, 'hard.csv'));
    for (const output of [roster, join(dir, 'link.csv'), join(dir, 'hard.csv')]) {
      const { code, stderr } = await audit([roster, '-o', output]);
      expect(code).toBe(64);
      expect(stderr).toBe(
        `ma-check: cannot write ${output}: it is the roster the audit reads (${roster}); name another file\n`,
      );
    }
    const assignments = await audit([STAFF, '--assignments', roster, '-o', roster]);
    expect([assignments.code, assignments.stderr]).toEqual([
      64,
      `ma-check: cannot write ${roster}: it is the assignments the audit reads (${roster}); name another file\n`,
    ]);
    const stdin = await bash(`eval "$MA audit - -o ${roster} ${AS_OF.join(' ')}" < ${roster}`);
    expect([stdin.code, stdin.stderr]).toEqual([
      64,
      `ma-check: cannot write ${roster}: it is the roster the audit reads (-); name another file\n`,
    ]);
    expect(readFileSync(roster)).toEqual(original);
    expect(readdirSync(dir).sort()).toEqual(['hard.csv', 'link.csv', 'roster.csv']);
  });

  test('a folder or a file this user may not write: exit 64 (run as another user where this one is root)', async () => {
    const dir = folder('locked');
    const existing = join(dir, 'old.csv');
    writeFileSync(existing, 'old\n');
    chmodSync(existing, 0o444);
    chmodSync(dir, 0o555);
    chmodSync(tmp, 0o755);
    try {
      const as = IS_ROOT ? NOBODY : {};
      const [inFolder, onFile] = await Promise.all([
        bash(`eval "$MA audit ${ROSTER} -o ${join(dir, 'new.csv')} ${AS_OF.join(' ')}"`, as),
        bash(`eval "$MA audit ${ROSTER} -o ${existing} ${AS_OF.join(' ')}"`, as),
      ]);
      expect([inFolder.code, inFolder.stderr]).toEqual([
        64,
        `ma-check: cannot write ${join(dir, 'new.csv')}: permission denied in its folder\n`,
      ]);
      expect([onFile.code, onFile.stderr]).toEqual([64, `ma-check: cannot write ${existing}: permission denied\n`]);
      expect(readFileSync(existing, 'utf8')).toBe('old\n');
    } finally {
      chmodSync(dir, 0o755);
      chmodSync(tmp, 0o700);
    }
  });
});

describe('--output keeps what it writes over', () => {
  test('a 0600 file stays 0600; a symlink stays a link and its file gets the report (0644 and a regular file before)', async () => {
    const dir = folder('keep');
    const secret = join(dir, 'secret.csv');
    writeFileSync(secret, 'old\n', { mode: 0o600 });
    chmodSync(secret, 0o600);
    writeFileSync(join(dir, 'real.csv'), 'old\n');
    symlinkSync('real.csv', join(dir, 'link.csv'));
    symlinkSync('later.csv', join(dir, 'dangling.csv'));
    const expected = (await audit([ROSTER, '-f', 'csv'])).stdout;
    for (const target of ['secret.csv', 'link.csv', 'dangling.csv'])
      expect((await audit([ROSTER, '-f', 'csv', '-o', join(dir, target)])).code).toBe(1);
    expect(statSync(secret).mode & 0o777).toBe(0o600);
    expect(readFileSync(secret, 'utf8')).toBe(expected);
    expect(lstatSync(join(dir, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.csv'), 'utf8')).toBe(expected);
    expect(readlinkSync(join(dir, 'dangling.csv'))).toBe('later.csv');
    expect(readFileSync(join(dir, 'later.csv'), 'utf8')).toBe(expected);
    expect(readdirSync(dir).sort()).toEqual(['dangling.csv', 'later.csv', 'link.csv', 'real.csv', 'secret.csv']);
  });

  test('a pipe is written as it is: --output >(cat > file) (ENOENT before)', async () => {
    const got = join(folder('pipe'), 'got.csv');
    const run = await bash(
      `eval "$MA audit ${ROSTER} -f csv -o >(cat > ${got}) ${AS_OF.join(' ')}"; code=$?; wait; exit $code`,
    );
    expect([run.code, run.stderr]).toEqual([1, '']);
    expect(readFileSync(got, 'utf8')).toBe((await audit([ROSTER, '-f', 'csv'])).stdout);
  });

  test('temp files of runs that are gone are removed by the next run writing the same file; a live one stays', async () => {
    const dir = folder('stale');
    const target = join(dir, 'report.csv');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const stale = [tempFor(target, dead), join(dir, `.report.csv.${dead}-0badf00d.tmp`)];
    const live = tempFor(target, process.ppid);
    for (const path of [...stale, live]) writeFileSync(path, 'half a report');
    writeFileSync(tempFor(join(dir, 'other.csv'), dead), 'not this report');
    expect((await audit([ROSTER, '-f', 'csv', '-o', target])).code).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(
      [`.other.csv.ma-check-${dead}.tmp`, live.slice(dir.length + 1), 'report.csv'].sort(),
    );
  });
});

describe('signals leave nothing behind', () => {
  /** A run reading the roster from a pipe that stays open: it waits mid-audit until signalled. */
  function waiting(args: string[], tmpDir: string) {
    const child = spawn(process.execPath, [BIN, 'audit', '-', '--input-format', 'csv', ...args, ...AS_OF], {
      cwd: REPO,
      env: env({ TMPDIR: tmpDir }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stdin!.write(readFileSync(join(REPO, ROSTER)));
    return child;
  }

  async function until(ready: () => boolean): Promise<void> {
    const started = Date.now();
    while (!ready() && Date.now() - started < 4_000) await new Promise((r) => setTimeout(r, 10));
    expect(ready()).toBe(true);
  }

  test('SIGINT and SIGHUP during --output remove the temp file; after SIGKILL the next run does', async () => {
    const runs = (['SIGINT', 'SIGHUP', 'SIGKILL'] as const).map(async (signal) => {
      const dir = folder(signal);
      const target = join(dir, 'report.csv');
      const child = waiting(['-f', 'csv', '-o', target], dir);
      const end = ended(child);
      const temp = tempFor(target, child.pid!);
      // The temp file exists once its run watches for signals: it is created after that.
      await until(() => readdirSync(dir).includes(temp.slice(dir.length + 1)));
      child.kill(signal);
      expect((await end).signal).toBe(signal);
      return { signal, dir, target, temp };
    });
    for (const { signal, dir, target, temp } of await Promise.all(runs)) {
      if (signal !== 'SIGKILL') {
        expect(readdirSync(dir)).toEqual([]);
        continue;
      }
      expect(readdirSync(dir)).toEqual([temp.slice(dir.length + 1)]);
      expect((await audit([ROSTER, '-f', 'csv', '-o', target])).code).toBe(1);
      expect(readdirSync(dir)).toEqual(['report.csv']);
    }
  });

  test('SIGINT of `audit -` leaves no copy of stdin (a full copy in a temp folder before)', async () => {
    const tmpDir = folder('tmpdir');
    const child = waiting(['-f', 'text'], tmpDir);
    const end = ended(child);
    // More than a pipe holds: once it is taken, the run is reading stdin.
    const rows = readFileSync(join(REPO, ROSTER), 'utf8').split('\n').slice(1).join('\n');
    await new Promise<void>((resolve) => child.stdin!.write(rows.repeat(200), () => resolve()));
    child.kill('SIGINT');
    expect((await end).signal).toBe('SIGINT');
    expect(readdirSync(tmpDir)).toEqual([]);
  });
});
