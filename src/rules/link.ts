import type { RuleData, RuleRecord } from '../domain/rule-set.js';
import type { CitationsFile, ConditionsFile, CredentialsFile, RolesFile, SettingsFile, TagsFile, TrainingsFile } from '../domain/schema/definitions.js';
import type { NationalFile, OverlayFile, OverlayRulesFile, StateFile, TaskFile } from '../domain/schema/files.js';
import type { SelectingRule } from '../domain/schema/rule.js';
import { NATIONAL, isStateCode } from '../domain/jurisdictions.js';
import type { SourceKind } from './list-sources.js';
import type { SourceMap } from './source-map.js';
import { type Origin, type Reporter, within } from './reporter.js';
import { checkRuleSet } from './check-references.js';
import { type LintOptions, lintRuleSet } from './lint.js';

/** A file that parsed and passed its schema. */
export interface ValidFile {
  kind: SourceKind;
  file: string;
  /** The file name without folder or extension. */
  stem: string;
  map: SourceMap;
  data: unknown;
  /** The overlay a file belongs to, for overlay files. */
  overlay?: string;
}

/** Where each definition and rule was written, keyed by `originKey(kind, id)`. */
export type Origins = Map<string, Origin>;

export const originKey = (kind: string, id: string): string => `${kind}:${id}`;

/**
 * Joins validated files into one rule set and checks every cross-file reference. Problems come
 * back through the reporter; the data is usable only when none of them is an error.
 */
export function link(files: readonly ValidFile[], reporter: Reporter, incomplete: ReadonlySet<string> = new Set(), lint?: LintOptions): RuleData {
  const data: RuleData = {
    tasks: [], credentials: [], trainings: [], conditions: [], citations: [], tags: [], roles: [], settings: [],
    states: [], overlays: [], rules: [], jurisdictionGap: { cites: [] },
  };
  const origins: Origins = new Map();

  /** Records where an id is defined; a second definition is a `duplicate-id`. */
  const claim = (kind: string, id: string, at: Origin): boolean => {
    const first = origins.get(originKey(kind, id));
    if (first) {
      reporter.error('duplicate-id', at, `${kind} '${id}' is already defined at ${first.file}:${first.map.rangeOf(first.path).line}`);
      return false;
    }
    origins.set(originKey(kind, id), at);
    return true;
  };
  const define = <T extends { id: string }>(kind: string, list: T[], items: readonly T[], at: Origin) =>
    items.forEach((item, i) => claim(kind, item.id, within(at, i, 'id')) && list.push(item));
  const addRules = (rules: readonly SelectingRule[], at: Origin, layer: RuleRecord['layer'], owner: string) =>
    rules.forEach((rule, i) => {
      const here = within(at, i);
      if (!rule.id.startsWith(`${owner}/`)) {
        reporter.error('rule-id-prefix', within(here, 'id'), `rule id '${rule.id}' must start with '${owner}/' in this file`, { ruleId: rule.id });
      }
      if (!claim('rule', rule.id, within(here, 'id'))) return;
      origins.set(originKey('rule-at', rule.id), here);
      data.rules.push({ ...rule, layer, owner });
    });

  for (const f of files) {
    const at: Origin = { file: f.file, map: f.map, path: [] };
    switch (f.kind) {
      case 'credentials': define('credential', data.credentials, (f.data as CredentialsFile).credentials, within(at, 'credentials')); break;
      case 'trainings': define('training', data.trainings, (f.data as TrainingsFile).trainings, within(at, 'trainings')); break;
      case 'conditions': define('condition', data.conditions, (f.data as ConditionsFile).conditions, within(at, 'conditions')); break;
      case 'citations': define('citation', data.citations, (f.data as CitationsFile).citations, within(at, 'citations')); break;
      case 'tags': define('tag', data.tags, (f.data as TagsFile).tags, within(at, 'tags')); break;
      case 'roles': define('role', data.roles, (f.data as RolesFile).roles, within(at, 'roles')); break;
      case 'settings': define('setting', data.settings, (f.data as SettingsFile).settings, within(at, 'settings')); break;
      case 'national': {
        const national = f.data as NationalFile;
        data.jurisdictionGap = national.jurisdictionGap;
        origins.set(originKey('gap', NATIONAL), within(at, 'jurisdictionGap'));
        addRules(national.rules, within(at, 'rules'), 'national', NATIONAL);
        break;
      }
      case 'task': {
        const { rules, ...task } = f.data as TaskFile;
        if (task.id !== f.stem) reporter.error('file-name-mismatch', within(at, 'id'), `task '${task.id}' must live in tasks/${task.id}.yaml, not ${f.stem}.yaml`);
        if (claim('task', task.id, within(at, 'id'))) data.tasks.push(task);
        // A rule in a task file selects its own task.
        addRules(rules.map((rule) => ({ ...rule, appliesTo: { tasks: [task.id] } })), within(at, 'rules'), 'national', task.id);
        break;
      }
      case 'state': {
        const { rules, ...state } = f.data as StateFile;
        if (!isStateCode(state.code)) reporter.error('invalid-state-code', within(at, 'code'), `'${state.code}' is not a US state or DC code`);
        else if (state.code !== f.stem) reporter.error('file-name-mismatch', within(at, 'code'), `state ${state.code} must live in states/${state.code}.yaml, not ${f.stem}.yaml`);
        if (claim('state', state.code, within(at, 'code'))) data.states.push(state);
        addRules(rules, within(at, 'rules'), 'state', state.code);
        break;
      }
      case 'overlay': {
        const overlay = f.data as OverlayFile;
        if (claim('overlay', overlay.name, within(at, 'name'))) data.overlays.push(overlay);
        break;
      }
      case 'overlay-rules': {
        // A rule without its own `states` covers the overlay's states (all when the overlay names none).
        const states = data.overlays.find((o) => o.name === f.overlay)?.states;
        const file = f.data as OverlayRulesFile;
        const name = f.overlay ?? '';
        // An overlay adds its own definitions, named after it so they never collide with shipped ones.
        for (const [key, kind] of [['citations', 'citation'], ['conditions', 'condition'], ['trainings', 'training']] as const) {
          (file[key] ?? []).forEach((item, i) => {
            if (!item.id.startsWith(`${name}-`)) reporter.error('overlay-id-prefix', within(at, key, i, 'id'), `${kind} '${item.id}' of overlay '${name}' must start with '${name}-'`);
          });
        }
        define('citation', data.citations, file.citations ?? [], within(at, 'citations'));
        define('condition', data.conditions, file.conditions ?? [], within(at, 'conditions'));
        define('training', data.trainings, file.trainings ?? [], within(at, 'trainings'));
        const rules = file.rules.map((rule) => (rule.states || !states ? rule : { ...rule, states }));
        addRules(rules, within(at, 'rules'), 'overlay', name);
        break;
      }
    }
  }
  checkRuleSet(data, origins, reporter, incomplete);
  if (lint) lintRuleSet(data, origins, reporter, lint);
  return data;
}
