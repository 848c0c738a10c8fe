import { describe, expect, test } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { REPO } from '../helpers/paths.js';

/** An Io that records what the CLI writes, for in-process runs of `main`. */
function memoryIo(env: Record<string, string> = {}, out: (text: string) => void = () => {}): Io & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out(text: string) {
      out(text);
      io.stdout += text;
    },
    err(text: string) {
      io.stderr += text;
    },
    stdoutIsTTY: false,
    env,
    cwd: REPO,
    today: () => '2026-11-25',
  };
  return io;
}

const install = { packageRoot: REPO, version: '0.0.0-test' };

describe('main (in process)', () => {
  test('the default date is the Io’s today', async () => {
    const io = memoryIo();
    expect(await main(['filing', '--state', 'AK', '--format', 'json'], io, install)).toBe(0);
    expect(JSON.parse(io.stdout).query.asOf).toBe('2026-11-25');
  });

  test('an internal error is one line and exit 70, with the stack only under DEBUG=ma-check', async () => {
    const failing = () => {
      throw new Error('disk full');
    };
    const quiet = memoryIo({}, failing);
    expect(await main(['tasks'], quiet, install)).toBe(70);
    expect(quiet.stderr).toBe('ma-check: internal error: disk full (set DEBUG=ma-check for details)\n');
    const debug = memoryIo({ DEBUG: 'ma-check' }, failing);
    expect(await main(['tasks'], debug, install)).toBe(70);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  test('--help and --version exit 0', async () => {
    const io = memoryIo();
    expect(await main(['--version'], io, install)).toBe(0);
    expect(io.stdout).toBe('0.0.0-test\n');
    expect(await main(['check', '--help'], memoryIo(), install)).toBe(0);
  });
});
