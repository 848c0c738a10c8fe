export const INPUT_FORMATS = ['csv', 'json', 'ndjson'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

const BY_EXTENSION: Readonly<Record<string, InputFormat>> = {
  csv: 'csv',
  json: 'json',
  ndjson: 'ndjson',
  jsonl: 'ndjson',
};

/** The format a file name says (`roster.csv`), or `null` when it says none (`-`, `roster.txt`). */
export function formatOfName(name: string): InputFormat | null {
  const dot = name.lastIndexOf('.');
  return dot > name.lastIndexOf('/') && dot !== -1 ? (BY_EXTENSION[name.slice(dot + 1).toLowerCase()] ?? null) : null;
}

/** The format the first bytes suggest: `[` opens a JSON array, `{` an NDJSON record, anything else is CSV. */
export function formatOfContent(head: string): InputFormat {
  const first = head.replace(/^\uFEFF/, '').trimStart()[0];
  return first === '[' ? 'json' : first === '{' ? 'ndjson' : 'csv';
}
