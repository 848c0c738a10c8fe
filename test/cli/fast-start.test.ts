import { describe, expect, test } from 'vitest';
import { createProgram, main } from '../../src/cli/main.js';
import { collectFacts, collectList } from '../../src/cli/options.js';
import { FAST_COMMANDS } from '../../src/cli/start/fast-commands.js';
import { fastMain } from '../../src/cli/start/fast-main.js';
import { RESERVED_NAMES } from '../../src/rules/reserved-names.js';
import { type MemoryIoOptions, memoryIo } from '../helpers/memory-io.js';
import { REPO } from '../helpers/paths.js';

// The fast start (src/cli/start/fast-main.ts) runs a plain check or look-up without commander.
// It must answer exactly as commander does, and hand anything else over without a word.
const install = { packageRoot: REPO, version: '0.0.0-test' };
const AK = ['iv-insertion', '--state', 'AK', '--cert', 'CMA', '--as-of', '2026-11-25'];

interface Case {
  argv: string[];
  io?: MemoryIoOptions;
}
const plain = (...argv: string[]): Case => ({ argv });

/** Command lines the fast start answers itself: answers, and errors its actions report. */
const ANSWERED: Case[] = [
  plain(...AK),
  plain('check', ...AK),
  plain('iv-insertion', '-s', 'AK', '-c', 'CMA', '--as-of', '2026-11-25'),
  plain('--state', 'AK', 'iv-insertion', '--as-of', '2026-11-25'),
  plain('--state=AK', '--cert=CMA', 'iv-insertion', '--as-of=2026-11-25'),
  plain(...AK, '--format', 'json'),
  plain(...AK, '-f', 'markdown'),
  plain(...AK, '--format=yaml'),
  plain(...AK, '--format', 'text', '--explain'),
  plain(...AK, '-q'),
  plain(...AK, '--quiet', '--quiet'),
  plain('start-iv', '--state', 'alaska', '--cert', 'cma', '--as-of', '2026-11-25'),
  plain('im-injection', '-s', 'CA', '-s', 'NV', '-c', 'CMA,RMA', '--as-of', '2026-11-25'),
  plain('im-injection', '-s', 'CA, NV', '--cert', 'none', '--as-of', '2026-11-25'),
  plain('im-injection', '--state', 'WA', '--cert', 'CMA...', '--training', 'none', '--as-of', '2026-11-25'),
  plain(
    'im-injection',
    '--state',
    'NY',
    '--supervision',
    'direct',
    '--delegator',
    'physician',
    '--as-of',
    '2026-11-25',
  ),
  plain('venipuncture', '--state', 'CA', '--setting', 'physician-office', '--as-of', '2026-11-25'),
  plain('iv-insertion', '--state', 'AK', '--confirm', 'infusion-role-in-policy', '--deny', 'competency-validated'),
  plain('filing', '--as-of', '2026-11-25'),
  plain('vital-signs'),
  // Errors the action reports, each exactly as through commander.
  plain('iv-insertio', '--state', 'AK'),
  plain('iv-insertion', '--state', 'Alasak'),
  plain('iv-insertion', '--state', 'AK', '--cert', 'CMX'),
  plain('iv-insertion', '--state', 'AK', '--setting', 'moon-base'),
  plain('iv-insertion', '--state', 'AK', '--confirm', 'nothing-like-it'),
  plain('iv-insertion', '--as-of', '2026-02-30'),
  plain('iv-insertion', '--as-of', 'yesterday'),
  plain('iv-insertion', '--cert', 'none,CMA'),
  plain(...AK, '--explain', '--format', 'json'),
  plain(...AK, '--explain', '--quiet'),
  plain(...AK, '--quiet', '--format', 'json'),
  plain('tasks'),
  plain('tasks', '--format', 'json'),
  plain('tasks', '-f', 'csv'),
  plain('credentials', '--format=json'),
  plain('states', '--as-of', '2026-11-25'),
  plain('states', '--as-of', '2026-13-01'),
  plain('state', 'WA'),
  plain('state', 'Washington', '--format', 'json'),
  plain('state', 'wa', '-f', 'markdown'),
  plain('state', 'US'),
  plain('state', 'Wahsington'),
  // Colour: FORCE_COLOR, NO_COLOR and a terminal decide it alike on both paths.
  { argv: AK, io: { env: { FORCE_COLOR: '1' } } },
  { argv: AK, io: { stdoutIsTTY: true } },
  { argv: AK, io: { stdoutIsTTY: true, env: { NO_COLOR: '1' } } },
  { argv: ['state', 'WA'], io: { env: { FORCE_COLOR: '3' } } },
  // A write that fails is an internal error on both paths.
  {
    argv: ['tasks'],
    io: {
      onOut: () => {
        throw new Error('disk full');
      },
    },
  },
];

/** Command lines the fast start leaves to commander: help, version, other commands, anything it cannot be sure of. */
const HANDED_OVER: string[][] = [
  [],
  ['--help'],
  ['-h'],
  ['help'],
  ['help', 'check'],
  ['--version'],
  ['-V'],
  [...AK, '--help'],
  [...AK, '-h'],
  [...AK, '--version'],
  ['tasks', '-h'],
  ['check'],
  ['state'],
  ['state', 'WA', 'OR'],
  ['tasks', 'extra'],
  ['iv-insertion', 'vital-signs'],
  ['iv-insertion', '--state'],
  ['iv-insertion', '--state', ''],
  ['iv-insertion', '--state', ' '],
  ['iv-insertion', '--state='],
  ['iv-insertion', '--cert', ''],
  ['iv-insertion', '--cert', 'CMA,'],
  ['iv-insertion', '--cert', 'CMA,,RMA'],
  ['iv-insertion', '--delegator', ''],
  ['iv-insertion', '--state', '--cert', 'CMA'],
  ['iv-insertion', '--as-of', '-1'],
  ['iv-insertion', '--format', 'xml'],
  ['iv-insertion', '--format', 'JSON'],
  ['iv-insertion', '--supervision', 'remote'],
  ['iv-insertion', '--format', 'json', '--format', 'text'],
  ['iv-insertion', '--delegator', 'pa', '--delegator', 'np'],
  ['iv-insertion', '--as-of', '2026-01-01', '--as-of', '2026-01-02'],
  ['iv-insertion', '--bogus'],
  ['iv-insertion', '--State', 'AK'],
  ['iv-insertion', '-x'],
  ['iv-insertion', '-qf', 'json'],
  ['iv-insertion', '-sAK'],
  ['iv-insertion', '--explain=yes'],
  ['iv-insertion', '--no-explain'],
  ['iv-insertion', '--rules', 'test/fixtures/overlays/broken-policy'],
  ['--', 'iv-insertion'],
  ['iv-insertion', '--'],
  ['-5'],
  ['tasks', '--as-of', '2026-11-25'],
  ['tasks', '--state', 'AK'],
  ['state', 'WA', '--as-of', '2026-11-25'],
  ['states', '--format', 'yaml'],
  ['validate'],
  ['test'],
  ['sources'],
  ['schema', 'task'],
  ['audit', 'examples/roster.csv'],
  ['matrix'],
];

async function viaCommander(c: Case) {
  const io = memoryIo(c.io);
  const code = await main(c.argv, io, install);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

async function viaFastStart(c: Case) {
  const io = memoryIo(c.io);
  const code = await fastMain(c.argv, io, install);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('the fast start', () => {
  test.each(ANSWERED.map((c) => [c.argv.join(' ') + (c.io ? ` ${JSON.stringify(c.io)}` : ''), c]))(
    'answers %s exactly as commander does',
    async (_, c) => {
      const fast = await viaFastStart(c);
      expect(fast.code, 'the fast start answered it').not.toBeUndefined();
      expect(fast).toEqual(await viaCommander(c));
    },
  );

  test('hands everything else to commander without writing a word', async () => {
    const answered: string[] = [];
    for (const argv of HANDED_OVER) {
      const fast = await viaFastStart({ argv });
      if (fast.code !== undefined || fast.stdout !== '' || fast.stderr !== '') answered.push(argv.join(' '));
    }
    expect(answered).toEqual([]);
  });

  test('commander answers the handed-over lines with usage errors, help or version (they are not checks)', async () => {
    for (const argv of [['iv-insertion', '--cert', ''], ['iv-insertion', '--bogus'], ['--version'], ['-h']]) {
      const { code, stdout, stderr } = await viaCommander({ argv });
      expect(code === 64 ? stderr : stdout, argv.join(' ')).not.toBe('');
    }
  });
});

describe('the fast start knows the commands as commander defines them', () => {
  const program = createProgram({ io: memoryIo(), install, exitCode: 0 });
  const lists: unknown[] = [collectList, collectFacts];

  test.each(FAST_COMMANDS.map((c) => [c.name, c]))('%s: operands and options', (name, fast) => {
    const command = program.commands.find((c) => c.name() === name)!;
    expect(command.registeredArguments.map((a) => a.required)).toEqual(new Array(fast.operands).fill(true));
    const defined = command.options.map((o) => ({
      key: o.attributeName(),
      long: o.long,
      short: o.short,
      takes: o.required ? (lists.includes(o.parseArg) ? 'list' : 'value') : o.optional || o.negate ? '?' : 'flag',
      choices: o.argChoices,
      default: o.defaultValue,
    }));
    const known = fast.options.map((o) => ({
      key: o.key,
      long: o.long,
      short: o.short,
      takes: o.takes,
      choices: o.choices,
      default: o.default,
    }));
    // Every option the fast start reads is commander's, read the same way; `--rules` alone is left to commander.
    expect(defined.filter((o) => o.long !== '--rules')).toEqual(known);
  });

  test('a command name is never taken for a task: every command commander knows is a reserved name', () => {
    const names = [...program.commands.map((c) => c.name()), 'help'];
    expect(names.filter((n) => !RESERVED_NAMES.includes(n))).toEqual([]);
    const defaults = FAST_COMMANDS.filter((c) => c.isDefault).map((c) => c.name);
    expect(defaults).toEqual(['check']);
  });
});
