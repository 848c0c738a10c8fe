import { type Document, isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from 'yaml';

/** A 1-based source range. */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type DataPath = readonly (string | number)[];

/**
 * The one place that turns a data path into a source range (Spectral's habit). Walks the YAML
 * node tree; when the path runs past what exists (a missing field), it answers with the closest
 * existing ancestor. `target: 'key'` points at a map key instead of its value.
 */
export class SourceMap {
  /** `doc` is undefined when a file was refused before it was composed (too deeply nested). */
  constructor(
    private readonly doc: Document.Parsed | undefined,
    private readonly lineCounter: LineCounter,
  ) {}

  rangeOf(path: DataPath, target: 'key' | 'value' = 'value'): Range {
    let node: unknown = this.doc?.contents;
    let found: [number, number] | undefined = rangeOfNode(node);
    for (let i = 0; i < path.length; i++) {
      const segment = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) break;
        const key = rangeOfNode(pair.key);
        if (last && target === 'key' && key) return this.toRange(key);
        node = pair.value;
        found = rangeOfNode(node) ?? key ?? found;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment];
        if (item === undefined) break;
        node = isPair(item) ? item.value : item;
        found = rangeOfNode(node) ?? found;
      } else {
        break;
      }
    }
    return this.toRange(found ?? [0, 0]);
  }

  rangeAtOffset(start: number, end = start): Range {
    return this.toRange([start, end]);
  }

  private toRange([start, end]: [number, number]): Range {
    const from = this.lineCounter.linePos(start);
    const to = this.lineCounter.linePos(Math.max(start, end));
    return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
  }
}

function rangeOfNode(node: unknown): [number, number] | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? [range[0], range[1]] : undefined;
}

/** RFC 6901 JSON pointer of a data path. */
export const toPointer = (path: DataPath): string =>
  path.map((s) => `/${String(s).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
