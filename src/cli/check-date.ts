import { quoted } from '../domain/shown-value.js';
import { isRealDate } from '../evaluate/resolve-query.js';
import { UsageError } from './errors.js';

/** An `--as-of` value, checked: a date that does not exist is a usage error, not a quiet default. */
export function checkDate(value: string | undefined): string | undefined {
  if (value !== undefined && !isRealDate(value))
    throw new UsageError(`${quoted(value)} is not a date written YYYY-MM-DD`);
  return value;
}
