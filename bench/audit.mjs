// The audit of a generated roster (issue 11, area 3): the real CLI, CSV roster in, CSV, JSON and
// NDJSON reports written to files, against the floor of csv-parse reading and discarding the same
// file (with the options a plain reader would use: arrays of cells, a BOM skipped) in the same
// run. Rounds alternate floor, csv, json, ndjson so that each sees the same machine load; each
// figure is the median of its rounds, with the peak RSS of the process (its highest round).
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { figure, median, runMeasured } from './measure.mjs';
import { writeRoster } from './roster.mjs';

const FORMATS = [
  { format: 'csv', target: 1.5 },
  { format: 'json', target: 2 },
  { format: 'ndjson', target: 2 },
];
const RSS_TARGET_MB = 200;
const PROFILES = 2_000;

/** csv-parse alone: reads the roster and drops each record, as a reader that did nothing with them would. */
const floorScript = (csvParse) => `// csv-parse reading and discarding a file (the audit bench's floor).
const { createReadStream } = require('node:fs');
const { parse } = require(${JSON.stringify(csvParse)});
let records = 0;
createReadStream(process.argv[2])
  .pipe(parse({ bom: true }))
  .on('data', () => records++)
  .on('end', () => { if (records === 0) process.exitCode = 1; });
`;

const megabytes = (bytes) => (bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${(bytes / 1e6).toFixed(0)} MB`);

export async function bench({ quick = false, root }) {
  const rows = quick ? 10_000 : 1_000_000;
  const rounds = quick ? 1 : 3;
  const dir = mkdtempSync(join(tmpdir(), 'ma-check-bench-audit-'));
  try {
    const roster = join(dir, 'roster.csv');
    const pairs = writeRoster(roster, rows, PROFILES);
    const floor = join(dir, 'csv-parse-floor.cjs');
    writeFileSync(floor, floorScript(createRequire(join(root, 'package.json')).resolve('csv-parse')));
    const bin = join(root, 'bin', 'ma-check.js');

    const times = { floor: [] };
    const rss = { floor: 0 };
    const written = {};
    for (const { format } of FORMATS) {
      times[format] = [];
      rss[format] = 0;
    }
    const measure = (name, script, args, check) => {
      const r = runMeasured(script, args);
      check(r);
      times[name].push(r.seconds);
      rss[name] = Math.max(rss[name], r.rssMb);
    };
    for (let round = 0; round < rounds; round++) {
      measure('floor', floor, [roster], (r) => {
        if (r.status !== 0) throw new Error(`the csv-parse floor exited ${r.status}: ${r.stderr}`);
      });
      for (const { format } of FORMATS) {
        const output = join(dir, `report.${format}`);
        const args = ['audit', roster, '--format', format, '--output', output, '--as-of', '2026-11-25'];
        measure(format, bin, args, (r) => {
          // 1: some decisions are prohibited, as in any large roster; anything else is a failure.
          if (r.status !== 1) throw new Error(`audit --format ${format} exited ${r.status}: ${r.stderr}`);
        });
        written[format] = statSync(output).size;
        rmSync(output);
      }
    }

    const floorSeconds = median(times.floor);
    const size = `${rows.toLocaleString('en-US')} rows, ${pairs.toLocaleString('en-US')} staff-task pairs, ${megabytes(statSync(roster).size)} of CSV`;
    const figures = [
      figure(`audit floor: csv-parse reading the roster (${size})`, floorSeconds, 's', { rssMb: rss.floor }),
    ];
    for (const { format, target } of FORMATS) {
      const seconds = median(times[format]);
      const ratio = seconds / floorSeconds;
      figures.push(
        figure(`audit --format ${format} (${megabytes(written[format])} written)`, seconds, 's', {
          floor: 'csv-parse on the same file',
          floorValue: floorSeconds,
          ratio,
          target: `<= ${target}x`,
          met: ratio <= target,
          rowsPerSecond: Math.round(rows / seconds),
        }),
        figure(`audit --format ${format} peak RSS`, rss[format], 'MB', {
          target: `<= ${RSS_TARGET_MB} MB`,
          met: rss[format] <= RSS_TARGET_MB,
        }),
      );
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
