import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, type Node } from 'yaml';

/** A 1-based source range. */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type DataPath = readonly (string | number)[];

/** What locating needs: the composed node tree and the line starts the parser saw. */
interface Located {
  /** Undefined when a file was refused before it was composed (too deeply nested). */
  doc: Document.Parsed | undefined;
  lineCounter: LineCounter;
}

/**
 * The one place that turns a data path into a source range (Spectral's habit). Walks the YAML
 * node tree; when the path runs past what exists (a missing field), it answers with the closest
 * existing ancestor. `target: 'key'` points at a map key instead of its value.
 *
 * A map is either bound to a parsed document, or deferred: it holds no node tree until a finding
 * must be located in its file, and then builds one (`SourceMap.deferred`). A rule set keeps a map
 * per file for findings that come up after every file is parsed (an unknown id, a duplicate), and
 * node trees cost many times the size of their data, so only files with such a finding get one.
 */
export class SourceMap {
  private located: Located | undefined;
  private locate: (() => SourceMap) | undefined;

  /** `doc` is undefined when a file was refused before it was composed (too deeply nested). */
  constructor(doc: Document.Parsed | undefined, lineCounter: LineCounter) {
    this.located = { doc, lineCounter };
  }

  /**
   * A map whose node tree is built by `locate` the first time a range is asked for, then kept.
   * `locate` answers with a bound map of the same file.
   */
  static deferred(locate: () => SourceMap): SourceMap {
    const map = new SourceMap(undefined, new LineCounter());
    map.located = undefined;
    map.locate = locate;
    return map;
  }

  /** A map of a file that cannot be located in: every path is at its first position. */
  static unlocated(): SourceMap {
    const lineCounter = new LineCounter();
    lineCounter.addNewLine(0);
    return new SourceMap(undefined, lineCounter);
  }

  private get tree(): Located {
    if (!this.located) {
      this.located = this.locate!().tree;
      this.locate = undefined;
    }
    return this.located;
  }

  rangeOf(path: DataPath, target: 'key' | 'value' = 'value'): Range {
    const { doc, lineCounter } = this.tree;
    let node: unknown = doc?.contents;
    let found: [number, number] | undefined = rangeOfNode(node);
    for (let i = 0; i < path.length; i++) {
      const segment = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) break;
        const key = rangeOfNode(pair.key);
        if (last && target === 'key' && key) return toRange(lineCounter, key);
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
    return toRange(lineCounter, found ?? [0, 0]);
  }

  rangeAtOffset(start: number, end = start): Range {
    return toRange(this.tree.lineCounter, [start, end]);
  }
}

function toRange(lineCounter: LineCounter, [start, end]: [number, number]): Range {
  const from = lineCounter.linePos(start);
  const to = lineCounter.linePos(Math.max(start, end));
  return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
}

function rangeOfNode(node: unknown): [number, number] | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? [range[0], range[1]] : undefined;
}

/** RFC 6901 JSON pointer of a data path. */
export const toPointer = (path: DataPath): string =>
  path.map((s) => `/${String(s).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
