import type { RuleData, RuleRecord, RuleSet, TaskRules } from '../domain/rule-set.js';
import { byId, indexRules, lineage, trainingClosure } from './index-rules.js';

/**
 * The sections of rule data a query reads a few entries of (the rules of one task, the citations
 * they name, one state, the conditions it asks about): stored one entry a line, parsed when read.
 */
const LAZY_SECTIONS = ['rules', 'citations', 'states', 'conditions'] as const;
type LazySection = (typeof LAZY_SECTIONS)[number];

/** A task's rules by layer, as positions in `rules`. */
interface TaskRulePositions {
  national: number[];
  byState: [string, number[]][];
  overlays: number[][];
}

/** The first line of the rule data: what every query reads, the keys of the lazy sections, and each task's rules. */
interface DataIndex {
  /** The data's own key order, so that the rule set's `data` lists its sections as `indexRules` does. */
  order: (keyof RuleData)[];
  eager: Omit<RuleData, LazySection>;
  /** Each lazy section's keys (ids; codes for states), in order: their entries follow, section after section. */
  keys: Record<LazySection, string[]>;
  /**
   * The length of each line after the index, newline excluded, so that none is searched for: the
   * entries of the lazy sections, then each task's rules (`TaskRulePositions`, in task order),
   * what `rulesOf` gives, computed at build by `indexRules` itself.
   */
  lengths: number[];
}

const keyOf = (section: LazySection, entry: unknown): string =>
  section === 'states' ? (entry as { code: string }).code : (entry as { id: string }).id;

/**
 * Validated rule data as the lines `lazyRuleSet` reads: the index, then every entry of the lazy
 * sections, each line one JSON value written by `json`, which must write ASCII only (one byte a
 * character, so that a line's length is its length in bytes).
 */
export function ruleDataLines(data: RuleData, digest: string, json: (value: unknown) => string): string[] {
  const { rules, citations, states, conditions, ...eager } = data;
  const ruleSet = indexRules(data, digest);
  const position = new Map(rules.map((rule, i) => [rule.id, i]));
  const positions = (list: readonly RuleRecord[]) => list.map((rule) => position.get(rule.id)!);
  const taskRules = data.tasks.map((task): TaskRulePositions => {
    const found = ruleSet.rulesOf(task.id);
    return {
      national: positions(found.national),
      byState: [...found.byState].map(([state, list]) => [state, positions(list)]),
      overlays: found.overlays.map(positions),
    };
  });
  const keys = Object.fromEntries(
    LAZY_SECTIONS.map((section) => [section, data[section].map((entry) => keyOf(section, entry))]),
  ) as Record<LazySection, string[]>;
  const lines = [...rules, ...citations, ...states, ...conditions, ...taskRules].map(json);
  const lengths = lines.map((line) => line.length);
  const index: DataIndex = { order: Object.keys(data) as (keyof RuleData)[], eager, keys, lengths };
  return [json(index), ...lines];
}

/**
 * A map over entries parsed when first read: `get` and `has` parse one entry at most; `keys` none;
 * iterating its values parses them all, once, in order.
 */
class LazyMap<V> implements ReadonlyMap<string, V> {
  private readonly position: Map<string, number>;
  private readonly parsed: (V | undefined)[];
  private everything: Map<string, V> | undefined;

  constructor(
    keys: readonly string[],
    private readonly parse: (i: number) => V,
  ) {
    this.position = new Map(keys.map((key, i) => [key, i]));
    this.parsed = new Array(keys.length);
  }

  /** The entry at a position, parsed on first read and the same object from then on. */
  at(i: number): V {
    let value = this.parsed[i];
    if (value === undefined) {
      value = this.parse(i);
      this.parsed[i] = value;
    }
    return value;
  }

  get(key: string): V | undefined {
    const i = this.position.get(key);
    return i === undefined ? undefined : this.at(i);
  }

  has(key: string): boolean {
    return this.position.has(key);
  }

  get size(): number {
    return this.position.size;
  }

  keys() {
    return this.position.keys();
  }

  /** Every entry, parsed, as a Map in the data's order. */
  private all(): Map<string, V> {
    this.everything ??= new Map([...this.position].map(([key, i]) => [key, this.at(i)]));
    return this.everything;
  }

  values() {
    return this.all().values();
  }

  entries() {
    return this.all().entries();
  }

  [Symbol.iterator]() {
    return this.all()[Symbol.iterator]();
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.all()) callback.call(thisArg, value, key, this);
  }

  /** The entries as the data's array, in order: the same objects `get` returns. */
  list(): V[] {
    return [...this.all().values()];
  }
}

/** Memoizes a computed property on first read. */
function once<T>(compute: () => T): () => T {
  let value: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value as T;
  };
}

/**
 * The rule set over the lines `ruleDataLines` wrote (from byte `start` of `file`), equal to
 * `indexRules` of the whole data (test/cli/snapshot.test.ts) but parsing only the entries a
 * command reads: a check parses a fifth of the snapshot. The file stays bytes (a string of it all
 * would cost a check a garbage collection): only the lines read become text. Undefined when the
 * lines are not the ones the index announces (a damaged file).
 */
export function lazyRuleSet(file: Buffer, start: number, digest: string): RuleSet | undefined {
  const end = file.indexOf(10, start);
  if (end < 0) return undefined;
  const index = JSON.parse(file.toString('latin1', start, end)) as DataIndex;
  const starts: number[] = [];
  let at = end + 1;
  for (const length of index.lengths) {
    starts.push(at);
    at += length + 1;
  }
  const entries = LAZY_SECTIONS.reduce((n, name) => n + index.keys[name].length, 0);
  if (at !== file.length || index.lengths.length !== entries + index.eager.tasks.length) return undefined;
  const line = (n: number): unknown => JSON.parse(file.toString('latin1', starts[n], starts[n]! + index.lengths[n]!));
  let offset = 0;
  const section = <V>(name: LazySection): LazyMap<V> => {
    const first = offset;
    offset += index.keys[name].length;
    return new LazyMap<V>(index.keys[name], (i) => line(first + i) as V);
  };
  const lazy = {
    rules: section<RuleRecord>('rules'),
    citations: section<RuleData['citations'][number]>('citations'),
    states: section<RuleData['states'][number]>('states'),
    conditions: section<RuleData['conditions'][number]>('conditions'),
  };

  const { eager } = index;
  const data = {} as RuleData;
  for (const name of index.order)
    if ((LAZY_SECTIONS as readonly string[]).includes(name))
      Object.defineProperty(data, name, { get: once(() => lazy[name as LazySection].list()), enumerable: true });
    else Object.defineProperty(data, name, { value: eager[name as keyof typeof eager], enumerable: true });

  const perTask = new Map<string, TaskRules>();
  const roleLineage = once(() => lineage(eager.roles));
  const settingLineage = once(() => lineage(eager.settings));
  const trainingMeets = once(() => trainingClosure(eager.trainings));
  const tasks = byId(eager.tasks);
  return {
    data,
    digest,
    tasks,
    credentials: byId(eager.credentials),
    trainings: byId(eager.trainings),
    conditions: lazy.conditions,
    citations: lazy.citations,
    roles: byId(eager.roles),
    settings: byId(eager.settings),
    states: lazy.states,
    rules: lazy.rules,
    rulesOf(taskId: string): TaskRules {
      let found = perTask.get(taskId);
      if (!found) {
        const task = tasks.get(taskId);
        if (task === undefined) throw new Error(`rulesOf: unknown task '${taskId}'`);
        const positions = line(entries + eager.tasks.indexOf(task)) as TaskRulePositions;
        const at = (list: number[]) => list.map((i) => lazy.rules.at(i));
        const { byState } = positions;
        found = {
          national: at(positions.national),
          // A query reads the rules of its own states only.
          byState: new LazyMap(
            byState.map(([state]) => state),
            (i) => at(byState[i]![1]),
          ),
          overlays: positions.overlays.map(at),
        };
        perTask.set(taskId, found);
      }
      return found;
    },
    get roleLineage() {
      return roleLineage();
    },
    get settingLineage() {
      return settingLineage();
    },
    get trainingMeets() {
      return trainingMeets();
    },
  };
}
