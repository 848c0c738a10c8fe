import type { Decision } from '../domain/decision.js';

/** Per indent, the decision's JSON without its braces, UTF-8 encoded: once per distinct decision, not per row. */
const bodies = [new WeakMap<Decision, Uint8Array>(), new WeakMap<Decision, Uint8Array>()];

/**
 * The decision's keys and values, to follow the keys an audit adds in front of them. Indent 0 is
 * compact (NDJSON); indent 1 is pretty-printed for an object nested two levels deep (JSON).
 */
export function decisionBody(d: Decision, indent: 0 | 1): Uint8Array {
  const cache = bodies[indent]!;
  let body = cache.get(d);
  if (body === undefined) {
    const text =
      indent === 0
        ? JSON.stringify(d).slice(1, -1)
        : `    ${JSON.stringify(d, null, 2).slice(2, -2).replace(/\n/g, '\n    ')}`;
    body = new TextEncoder().encode(text);
    cache.set(d, body);
  }
  return body;
}
