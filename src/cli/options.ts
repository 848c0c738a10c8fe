import { type Command, Option } from 'commander';
import { quoted } from '../domain/shown-value.js';
import { LISTING_FORMATS } from '../format/listing.js';
import { REPORT_FORMATS } from '../format/report/report.js';
import { UsageError } from './errors.js';

/** What to write instead of an empty item, by list parser. */
const EMPTY_ITEM_HINT = new Map<unknown, string>();

/** A parser for a comma-separated, repeatable option; its items are trimmed, never dropped. */
function listParser(emptyItemHint: string) {
  const parse = (value: string, previous: string[] | undefined): string[] => [
    ...(previous ?? []),
    ...value.split(',').map((v) => v.trim()),
  ];
  EMPTY_ITEM_HINT.set(parse, emptyItemHint);
  return parse;
}

/** A list option: comma-separated and repeatable (`--rules a,b` = `--rules a --rules b`). */
export const collectList = listParser('name each one, or leave the option out');

/** A list of facts a person may hold none of (`--cert none`): left out, they are unknown. */
export const collectFacts = listParser("name each one, 'none' for none, or leave the option out if unknown");

/**
 * Guards every option of `command` that takes a value, since commander accepts both cases
 * silently: an empty or blank value (or list item) is a usage error, because '' would otherwise
 * quietly mean "none" or "nothing"; and a single-valued option given twice is one, because
 * commander would keep the last.
 */
export function guardOptionValues(command: Command): void {
  for (const option of command.options) {
    if (!option.required && !option.optional) continue;
    const name = option.long ?? option.short ?? option.flags;
    const emptyItemHint = EMPTY_ITEM_HINT.get(option.parseArg);
    let given: string | undefined;
    // Registered after commander's own listener, so it sees each value once commander has parsed it.
    command.on(`option:${option.name()}`, (value: unknown) => {
      if (typeof value !== 'string') return;
      if (emptyItemHint !== undefined) {
        if (value.split(',').some((item) => item.trim() === ''))
          throw new UsageError(
            `${name} ${quoted(value)} ${value.trim() === '' ? 'is empty' : 'has an empty item'}; ${emptyItemHint}`,
          );
        return;
      }
      if (value.trim() === '') throw new UsageError(`${name} ${quoted(value)} is empty; give a value or leave it out`);
      if (given !== undefined)
        throw new UsageError(`${name} is given twice (${quoted(given)}, then ${quoted(value)}); give it once`);
      given = value;
    });
  }
}

/** What `--as-of` takes and how it defaults, in every command's help: the date where the process runs. */
export const AS_OF_HELP = "YYYY-MM-DD; default: today's date in the local time zone, as TZ sets it";

/** `--format` of the listing commands (`tasks`, `credentials`, `states`, `sources`). */
export const listingFormatOption = () =>
  new Option('-f, --format <format>', 'output format').choices(LISTING_FORMATS).default('text');

/** `--format` of the reporting commands (`validate`, `test`). */
export const reportFormatOption = () =>
  new Option('-f, --format <format>', 'report format').choices(REPORT_FORMATS).default('text');

/** `--output FORMAT=FILE` of the reporting commands. */
export const outputOption = () =>
  new Option('-o, --output <format=file>', 'also write a report in FORMAT to FILE (repeatable)').argParser(collectList);
