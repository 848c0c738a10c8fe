import type { AuditDecision } from '../domain/audit.js';
import type { Decision } from '../domain/decision.js';
import { DecisionIds } from './audit-decision-ids.js';
import type { AuditDetail } from './audit-formats.js';
import { ItemJson, type ItemLayout } from './audit-item-json.js';

/**
 * The items of a JSON or NDJSON report, each pointing at its decision by id (`--detail shared`)
 * or holding it (`--detail full`). With ids, `first` is told of each decision the first time an
 * item points at it, before that item is written: NDJSON writes the decision there, JSON keeps it
 * for its `decisions` list.
 */
export class AuditItems {
  private readonly json: ItemJson;
  private readonly ids: DecisionIds | null;

  constructor(
    layout: ItemLayout,
    detail: AuditDetail,
    redact: boolean,
    private readonly first: (d: Decision, id: string) => void,
  ) {
    this.json = new ItemJson(layout, redact);
    this.ids = detail === 'shared' ? new DecisionIds() : null;
  }

  /** The item's text: one string, or its head and the decision's bytes (`--detail full`). */
  item(r: AuditDecision): string | readonly [string, Uint8Array] {
    const d = r.decision;
    const tail = this.json.tail(d) ?? this.json.makeTail(d, this.idOf(d));
    const head = this.json.head(r);
    return typeof tail === 'string' ? head + tail : [head, tail];
  }

  /** The decision's id, telling `first` when it is new; `null` with the decision inline. */
  private idOf(d: Decision): string | null {
    if (this.ids === null) return null;
    const known = this.ids.known(d);
    if (known !== undefined) return known;
    const { id, first } = this.ids.assign(d);
    if (first) this.first(d, id);
    return id;
  }
}
