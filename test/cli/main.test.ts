import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import { memoryIo } from '../helpers/memory-io.js';
import { REPO } from '../helpers/paths.js';

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
    const quiet = memoryIo({ onOut: failing });
    expect(await main(['tasks'], quiet, install)).toBe(70);
    expect(quiet.stderr).toBe('ma-check: internal error: disk full (set DEBUG=ma-check for details)\n');
    const debug = memoryIo({ env: { DEBUG: 'ma-check' }, onOut: failing });
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

describe('source quality on the command line (in process, shipped rules)', () => {
  test('sources --stats --format json: every jurisdiction and the overall figures', async () => {
    const io = memoryIo();
    expect(await main(['sources', '--stats', '--format', 'json', '--as-of', '2026-12-07'], io, install)).toBe(0);
    const { report } = JSON.parse(io.stdout);
    expect(report.states).toHaveLength(51);
    expect(report.profile).toEqual({ credentials: ['CMA'], supervision: 'direct', delegator: 'physician' });
    expect(Object.keys(report.overall.citations)).toEqual(['official', 'copy', 'commentary']);
    expect(report.overall.stateGoverned).toBe(51 * 29);
  });

  test('sources --stats as text names the measuring profile and the overall lines', async () => {
    const io = memoryIo();
    expect(await main(['sources', '--stats', '--as-of', '2026-12-07'], io, install)).toBe(0);
    expect(io.stdout).toContain('decisions measured for a CMA under direct supervision, delegated by a physician');
    expect(io.stdout).toMatch(
      /\nstate law rules +\d+: \d+ cite an official source \([\d.]+%\), \d+ the official text of the law/,
    );
    expect(io.stdout).toMatch(/\nOH +\S+ +\d+ +\d+ +\d+ +\d+ +\d+\/\d+ +\d+\/\d+ +\d+\/29 +provision +2026-12-07\n/);
  });

  test('sources --stats --format csv has plain counts a spreadsheet will not read as dates', async () => {
    const io = memoryIo();
    expect(await main(['sources', '--stats', '--format', 'csv', '--as-of', '2026-12-07'], io, install)).toBe(0);
    const [header, ...rows] = io.stdout.trim().split('\n');
    expect(header).toBe(
      'code,coverage,official,copy,commentary,law_rules,law_rules_official_source,law_rules_official_law_text,state_determined,state_governed,delegation,last_read',
    );
    expect(rows).toHaveLength(51);
    expect(rows.find((r) => r.startsWith('OH,'))).toMatch(
      /^OH,\w+,\d+,\d+,\d+,\d+,\d+,\d+,\d+,29,provision,2026-12-07$/,
    );
  });

  test('sources --state lists one state’s citations with their kind of source; misuse is a usage error', async () => {
    const io = memoryIo();
    expect(await main(['sources', '--state', 'Ohio', '--format', 'csv'], io, install)).toBe(0);
    expect(io.stdout.split('\n')[0]).toBe('id,source,kind,read,section or title');
    expect(io.stdout).toMatch(/\noh-oac-4731-23-02,official,board-rule,2026-12-07,/);
    const usage = memoryIo();
    expect(await main(['sources', '--stats', '--state', 'OH'], usage, install)).toBe(64);
    expect(usage.stderr).toMatch(/^ma-check: --stats reports every jurisdiction/);
    for (const argv of [
      ['sources', '--stats', '--as-of', '2026-02-30'],
      ['sources', '--as-of', '2026-12-07'],
      ['sources', '--state', 'US'],
      ['sources', '--state', 'ZZ'],
      ['states', '--as-of', 'tomorrow'],
    ]) {
      const io2 = memoryIo();
      expect(await main(argv, io2, install), argv.join(' ')).toBe(64);
      expect(io2.stderr, argv.join(' ')).toMatch(/^ma-check: [^\n]+\n$/);
    }
  });

  test('states: the official-law and state-determined columns', async () => {
    const io = memoryIo();
    expect(await main(['states', '--format', 'json', '--as-of', '2026-12-07'], io, install)).toBe(0);
    const oh = JSON.parse(io.stdout).states.find((s: { code: string }) => s.code === 'OH');
    expect(oh).toMatchObject({ coverage: 'reviewed', delegation: 'provision', exclusive: true, stateGoverned: 29 });
    expect(oh.stateDetermined).toBeGreaterThan(20);
    const text = memoryIo();
    expect(await main(['states', '--as-of', '2026-12-07'], text, install)).toBe(0);
    expect(text.stdout.split('\n')[0]).toMatch(
      /^code +name +coverage +reviewed +rules +law rules +official source +state-determined$/,
    );
  });

  test('state XX shows the delegation finding, and each source with its kind', async () => {
    const io = memoryIo();
    expect(await main(['state', 'AL'], io, install)).toBe(0);
    expect(io.stdout).toMatch(/\nDelegation +no general provision found \[(high|medium)\]/);
    expect(io.stdout).toMatch(/\nSources +\d+ official, \d+ cop(y|ies), \d+ commentary\n/);
    expect(io.stdout).toMatch(/\[al-code-34-24-51\] official · /);
  });

  test('a decision marks each source with its kind', async () => {
    const io = memoryIo();
    await main(
      [
        'topical-medication',
        '--state',
        'OH',
        '--cert',
        'CMA',
        '--supervision',
        'general',
        '--delegator',
        'physician',
        '--as-of',
        '2026-12-07',
      ],
      io,
      install,
    );
    expect(io.stdout).toMatch(/\[oh-oac-4731-23-02\] official · State of Ohio/);
    expect(io.stdout).not.toMatch(/^PROHIBITED/m);
  });
});
