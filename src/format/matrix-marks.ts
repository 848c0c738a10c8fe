import type { Matrix } from '../domain/matrix.js';
import type { Verdict } from '../domain/verdict.js';
import { VERDICTS } from '../domain/verdict.js';
import type { Paint } from './paint.js';
import { thousands } from './thousands.js';

/** One letter per verdict, so a grid reads the same with colour off and in print. */
export const VERDICT_MARK: Readonly<Record<Verdict, string>> = {
  allowed: 'A',
  conditional: 'C',
  discouraged: 'D',
  prohibited: 'P',
};

/** A verdict's letter, coloured as `check` colours the verdict. */
export function paintedMark(verdict: Verdict, paint: Paint): string {
  const mark = VERDICT_MARK[verdict];
  switch (verdict) {
    case 'allowed':
      return paint.green(mark);
    case 'conditional':
      return paint.yellow(mark);
    case 'discouraged':
      return paint.bold(paint.yellow(mark));
    case 'prohibited':
      return paint.red(mark);
  }
}

/** `A allowed · C conditional · D discouraged · P prohibited`. */
export const legendText = (paint: Paint): string => VERDICTS.map((v) => `${paintedMark(v, paint)} ${v}`).join(' · ');

/** How many cells have each verdict, in verdict order: `12 allowed, 3 prohibited`. */
export function verdictCounts(matrix: Matrix): string {
  const counts = new Map<Verdict, number>();
  for (const row of matrix.rows) for (const v of row.verdicts) counts.set(v, (counts.get(v) ?? 0) + 1);
  return VERDICTS.filter((v) => counts.has(v))
    .map((v) => `${thousands(counts.get(v)!)} ${v}`)
    .join(', ');
}

const listOrUnknown = (list: readonly string[] | null): string =>
  list === null ? 'unknown' : list.length === 0 ? 'none' : list.join(', ');

/** The profile every cell shares, in words: what was given and what is left unknown. */
export function profileText(matrix: Matrix): string {
  const { profile, by } = matrix;
  const parts: string[] = [];
  if (by !== 'state') parts.push(`in ${profile.states?.join(', ')}`);
  if (by !== 'credential') parts.push(`credentials ${listOrUnknown(profile.credentials)}`);
  if (by !== 'supervision') parts.push(`supervision ${profile.supervision ?? 'unknown'}`);
  parts.push(`delegator ${profile.delegator ?? 'unknown'}`);
  parts.push(`trainings ${listOrUnknown(profile.trainings)}`);
  parts.push(`setting ${profile.setting ?? 'unknown'}`);
  if (profile.confirmed.length > 0) parts.push(`confirmed ${profile.confirmed.join(', ')}`);
  if (profile.denied.length > 0) parts.push(`denied ${profile.denied.join(', ')}`);
  parts.push(`as of ${matrix.asOf}`);
  return parts.join(' · ');
}

/** `Tasks × states` and the like. */
export const matrixTitle = (matrix: Matrix): string =>
  `Tasks × ${matrix.by === 'state' ? 'states' : matrix.by === 'credential' ? 'credentials' : 'supervision levels'}`;
