import { Option } from 'commander';
import { LISTING_FORMATS } from '../format/listing.js';
import { REPORT_FORMATS } from '../format/report/report.js';

/** A list option: comma-separated and repeatable (`--cert CMA,RMA` = `--cert CMA --cert RMA`). */
export const collectList = (value: string, previous: string[] | undefined): string[] => [
  ...(previous ?? []),
  ...value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== ''),
];

/** `--format` of the listing commands (`tasks`, `credentials`, `states`, `sources`). */
export const listingFormatOption = () =>
  new Option('-f, --format <format>', 'output format').choices(LISTING_FORMATS).default('text');

/** `--format` of the reporting commands (`validate`, `test`). */
export const reportFormatOption = () =>
  new Option('-f, --format <format>', 'report format').choices(REPORT_FORMATS).default('text');

/** `--output FORMAT=FILE` of the reporting commands. */
export const outputOption = () =>
  new Option('-o, --output <format=file>', 'also write a report in FORMAT to FILE (repeatable)').argParser(collectList);
