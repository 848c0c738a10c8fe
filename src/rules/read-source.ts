import { readFileSync } from 'node:fs';

type ReadOutcome =
  | { ok: true; text: string }
  | { ok: false; code: 'missing-file' | 'not-utf8' | 'binary-file'; message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads one rule file as UTF-8 text; a missing, binary or non-UTF-8 file is a finding, not a crash. */
export function readSource(path: string): ReadOutcome {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'file is missing'
        : `cannot read file (${(error as Error).message})`;
    return { ok: false, code: 'missing-file', message: reason };
  }
  if (bytes.includes(0))
    return { ok: false, code: 'binary-file', message: 'file is binary (contains NUL bytes), not YAML text' };
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: false, code: 'not-utf8', message: 'file is not valid UTF-8' };
  }
}
