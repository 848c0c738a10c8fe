import type { AuditDecision } from '../domain/audit.js';
import type { Decision } from '../domain/decision.js';
import { decimal } from './audit-decimal.js';
import { flat } from './audit-flat-text.js';

/** How an item is laid out: compact (NDJSON, and JSON by default) or pretty at a depth (JSON `--pretty`). */
export interface ItemLayout {
  /** `null` for compact text; else the nesting depth of the item in the pretty document. */
  depth: number | null;
  /** NDJSON: a `type` key first, and a line end; JSON: a comma before every item but the first. */
  typed: boolean;
}

const indent = (depth: number): string => '  '.repeat(depth);

/** `JSON.stringify(value, null, 2)` for a value nested `depth` levels deep: its first line not indented. */
export const prettyAt = (value: unknown, depth: number): string =>
  JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent(depth)}`);

/** A JSON value as text, compact or pretty at `depth`. */
const jsonAt = (value: unknown, depth: number | null): string =>
  depth === null ? JSON.stringify(value) : prettyAt(value, depth);

const encoder = new TextEncoder();

/**
 * An audit item as JSON text (docs/design.md): `staffId`, `name`, `line` (and `rosterLine`), then
 * `task`, `states`, `verdict` and `decision`, the decision's id or (`--detail full`) the decision
 * itself. The text is exactly what `JSON.stringify` gives the item, compact or pretty. What
 * depends only on the decision is written once per decision and kept (the whole decision as
 * bytes, encoded once); only who and where are written per item.
 */
export class ItemJson {
  private readonly tails = new WeakMap<Decision, string | Uint8Array>();
  /** Between members and before the closing brace, at the item's depth. */
  private readonly comma: string;
  private readonly close: string;
  private readonly colon: string;
  /** Everything before the staff id's value, and between the name's value and the line's. */
  private readonly open: string;
  private readonly beforeLine: string;
  private readonly beforeRosterLine: string;
  /** What comes before an item: nothing (NDJSON), or in a JSON list a separator, another before the first. */
  private readonly leadFirst: string;
  private readonly lead: string;
  private started = false;
  /** The items of a row come one after the other: its staff id and name are written once for them. */
  private staffId: string | undefined;
  private name: string | null = null;
  private who = '';

  constructor(
    private readonly layout: ItemLayout,
    private readonly redact: boolean,
  ) {
    const { depth } = layout;
    const comma = depth === null ? ',' : `,\n${indent(depth + 1)}`;
    const colon = depth === null ? ':' : ': ';
    this.comma = comma;
    this.colon = colon;
    this.close = depth === null ? '}' : `\n${indent(depth)}}`;
    const type = layout.typed ? `"type"${colon}"item"${comma}` : '';
    this.open = `${depth === null ? '{' : `{\n${indent(depth + 1)}`}${type}"staffId"${colon}`;
    const newline = depth === null ? '' : `\n${indent(depth)}`;
    this.leadFirst = layout.typed ? '' : newline;
    this.lead = layout.typed ? '' : `,${newline}`;
    this.beforeLine = `${comma}"line"${colon}`;
    this.beforeRosterLine = `${comma}"rosterLine"${colon}`;
  }

  /** Who and where: the item up to its decision's part, after what separates it from the one before. */
  head(r: AuditDecision): string {
    if (r.staffId !== this.staffId || r.name !== this.name) {
      this.staffId = r.staffId;
      this.name = r.name;
      this.who = `${this.open}${JSON.stringify(r.staffId)}${this.comma}"name"${this.colon}${JSON.stringify(this.redact ? null : r.name)}${this.beforeLine}`;
    }
    const lead = this.started ? this.lead : this.leadFirst;
    this.started = true;
    return r.rosterLine === undefined
      ? `${lead}${this.who}${decimal(r.line)}`
      : `${lead}${this.who}${decimal(r.line)}${this.beforeRosterLine}${decimal(r.rosterLine)}`;
  }

  /** What follows the head for every item of this decision, once it has been made (one lookup per item). */
  tail(d: Decision): string | Uint8Array | undefined {
    return this.tails.get(d);
  }

  /** Makes and keeps the tail of this decision's items; `id` is its id with `--detail shared`, else `null`. */
  makeTail(d: Decision, id: string | null): string | Uint8Array {
    const { comma, colon } = this;
    const depth = this.layout.depth === null ? null : this.layout.depth + 1;
    const decision = id === null ? jsonAt(d, depth) : JSON.stringify(id);
    const text = `${comma}"task"${colon}${JSON.stringify(d.task.id)}${comma}"states"${colon}${jsonAt(d.query.states, depth)}${comma}"verdict"${colon}${JSON.stringify(d.verdict)}${comma}"decision"${colon}${decision}${this.close}${this.layout.typed ? '\n' : ''}`;
    const tail = id === null ? encoder.encode(text) : flat(text);
    this.tails.set(d, tail);
    return tail;
  }
}

/** A decision with its id first: `{"id": "d1", …the decision JSON}`, compact or pretty at `depth`; NDJSON adds `type`. */
export function decisionWithId(d: Decision, id: string, depth: number | null, typed: boolean): string {
  const body = jsonAt(d, depth);
  if (depth === null) return `{${typed ? '"type":"decision",' : ''}"id":${JSON.stringify(id)},${body.slice(1)}`;
  // Pretty: `{\n` and the first member's indentation, then the id, then the decision's members.
  const lead = `{\n${indent(depth + 1)}`;
  return `${lead}"id": ${JSON.stringify(id)},${body.slice(1, lead.length)}${body.slice(lead.length)}`;
}
