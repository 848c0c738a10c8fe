/** How many characters of a typed value a message shows before it cuts it off. */
export const SHOWN_LENGTH = 60;

/**
 * Characters that would break a one-line message or act on a terminal: C0 and C1 controls, DEL,
 * the Unicode line and paragraph separators, and the bidirectional overrides that reorder text.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const escapeOne = (c: string): string => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Control characters written out (`\n`, `\t`, `\u001b`), so the text stays one inert line. */
export const escapeControls = (text: string): string => text.replace(CONTROL, escapeOne);

/**
 * A value someone typed (or a roster holds), as a message shows it: control characters escaped
 * and, past SHOWN_LENGTH characters, cut with an ellipsis. Only the part shown is looked at, so a
 * value of any length costs the same.
 */
export function shownValue(value: string, limit = SHOWN_LENGTH): string {
  let shown = '';
  let count = 0;
  for (const c of value) {
    if (count === limit) return `${shown}…`;
    shown += escapeControls(c);
    count += 1;
  }
  return shown;
}

/** The value in single quotes, as messages quote what was typed: `unknown task 'x'`. */
export const quoted = (value: string): string => `'${shownValue(value)}'`;
