import { isStateCode, NATIONAL } from '../domain/jurisdictions.js';
import type { RuleData, RuleRecord, StateDef } from '../domain/rule-set.js';
import type {
  Citation,
  CitationsFile,
  ConditionsFile,
  CredentialsFile,
  RolesFile,
  SettingsFile,
  TagsFile,
  TrainingsFile,
} from '../domain/schema/definitions.js';
import type { NationalFile, OverlayFile, OverlayRulesFile, StateFile, TaskFile } from '../domain/schema/files.js';
import type { SelectingRule } from '../domain/schema/rule.js';
import { selectTasks } from '../domain/select-tasks.js';
import { stateReviewDays } from '../domain/state-sources.js';
import { checkRuleSet } from './check-references.js';
import { delegationRule, delegationRuleId, noProvisionRuleId } from './delegation-rule.js';
import { type LintOptions, lintRuleSet } from './lint.js';
import type { SourceKind } from './list-sources.js';
import { type Origins, originKey } from './origins.js';
import { type Origin, type Reporter, within } from './reporter.js';
import type { SourceMap } from './source-map.js';
import { deriveCoverage } from './state-coverage.js';
import { withDefinitionSources } from './supervision-terms.js';

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

/**
 * Joins validated files into one rule set and checks every cross-file reference. Problems come
 * back through the reporter; the data is usable only when none of them is an error.
 */
export function link(
  files: readonly ValidFile[],
  reporter: Reporter,
  incomplete: ReadonlySet<string> = new Set(),
  lint?: LintOptions,
): RuleData {
  const data: RuleData = {
    tasks: [],
    credentials: [],
    trainings: [],
    conditions: [],
    citations: [],
    tags: [],
    roles: [],
    settings: [],
    states: [],
    overlays: [],
    rules: [],
    jurisdictionGap: { cites: [] },
  };
  const origins: Origins = new Map();

  /** Records where an id is defined; a second definition is a `duplicate-id`. */
  const claim = (kind: string, id: string, at: Origin): boolean => {
    const first = origins.get(originKey(kind, id));
    if (first) {
      reporter.error(
        'duplicate-id',
        at,
        `${kind} '${id}' is already defined at ${first.file}:${first.map.rangeOf(first.path).line}`,
      );
      return false;
    }
    origins.set(originKey(kind, id), at);
    return true;
  };
  const define = <T extends { id: string }>(kind: string, list: T[], items: readonly T[], at: Origin) =>
    items.forEach((item, i) => claim(kind, item.id, within(at, i, 'id')) && list.push(item));
  const addRule = (rule: SelectingRule, here: Origin, layer: RuleRecord['layer'], owner: string) => {
    if (!rule.id.startsWith(`${owner}/`)) {
      reporter.error(
        'rule-id-prefix',
        within(here, 'id'),
        `rule id '${rule.id}' must start with '${owner}/' in this file`,
        { ruleId: rule.id },
      );
    }
    if (!claim('rule', rule.id, within(here, 'id'))) return;
    origins.set(originKey('rule-at', rule.id), here);
    data.rules.push({ ...rule, layer, owner });
  };
  const addRules = (rules: readonly SelectingRule[], at: Origin, layer: RuleRecord['layer'], owner: string) =>
    rules.forEach((rule, i) => addRule(rule, within(at, i), layer, owner));
  const stateFiles: StateFile[] = [];

  for (const f of files) {
    const at: Origin = { file: f.file, map: f.map, path: [] };
    switch (f.kind) {
      case 'credentials':
        define('credential', data.credentials, (f.data as CredentialsFile).credentials, within(at, 'credentials'));
        break;
      case 'trainings':
        define('training', data.trainings, (f.data as TrainingsFile).trainings, within(at, 'trainings'));
        break;
      case 'conditions':
        define('condition', data.conditions, (f.data as ConditionsFile).conditions, within(at, 'conditions'));
        break;
      case 'citations':
        define('citation', data.citations, (f.data as CitationsFile).citations, within(at, 'citations'));
        break;
      case 'tags':
        define('tag', data.tags, (f.data as TagsFile).tags, within(at, 'tags'));
        break;
      case 'roles':
        define('role', data.roles, (f.data as RolesFile).roles, within(at, 'roles'));
        break;
      case 'settings':
        define('setting', data.settings, (f.data as SettingsFile).settings, within(at, 'settings'));
        break;
      case 'national': {
        const national = f.data as NationalFile;
        data.jurisdictionGap = national.jurisdictionGap;
        origins.set(originKey('gap', NATIONAL), within(at, 'jurisdictionGap'));
        addRules(national.rules, within(at, 'rules'), 'national', NATIONAL);
        break;
      }
      case 'task': {
        const { rules, ...task } = f.data as TaskFile;
        if (task.id !== f.stem)
          reporter.error(
            'file-name-mismatch',
            within(at, 'id'),
            `task '${task.id}' must live in tasks/${task.id}.yaml, not ${f.stem}.yaml`,
          );
        if (claim('task', task.id, within(at, 'id'))) data.tasks.push(task);
        // A rule in a task file selects its own task.
        addRules(
          rules.map((rule) => ({ ...rule, appliesTo: { tasks: [task.id] } })),
          within(at, 'rules'),
          'national',
          task.id,
        );
        break;
      }
      case 'state': {
        const { rules, credentials, trainings, conditions, citations, ...state } = f.data as StateFile;
        if (!isStateCode(state.code))
          reporter.error('invalid-state-code', within(at, 'code'), `'${state.code}' is not a US state or DC code`);
        else if (state.code !== f.stem)
          reporter.error(
            'file-name-mismatch',
            within(at, 'code'),
            `state ${state.code} must live in states/${state.code}.yaml, not ${f.stem}.yaml`,
          );
        // A state's own definitions join the shared lists: ids stay unique across the whole set.
        define('credential', data.credentials, credentials ?? [], within(at, 'credentials'));
        define('training', data.trainings, trainings ?? [], within(at, 'trainings'));
        define('condition', data.conditions, conditions ?? [], within(at, 'conditions'));
        define('citation', data.citations, citations ?? [], within(at, 'citations'));
        state.definitions?.forEach((d, i) =>
          claim(`definition:${state.code}`, d.id, within(at, 'definitions', i, 'id')),
        );
        if (claim('state', state.code, within(at, 'code'))) stateFiles.push(f.data as StateFile);
        const built = state.delegation && delegationRule(state.code, state.delegation);
        // With a delegation block, both ids it can build are its own, whichever it builds.
        const reserved = state.delegation ? [delegationRuleId(state.code), noProvisionRuleId(state.code)] : [];
        if (built)
          addRule(withDefinitionSources(built, state.definitions), within(at, 'delegation'), 'state', state.code);
        rules.forEach((rule, i) => {
          if (reserved.includes(rule.id)) {
            reporter.error(
              'delegation-restated',
              within(at, 'rules', i, 'id'),
              `rule '${rule.id}' belongs to the \`delegation:\` block; put what it says there and remove this rule`,
              { ruleId: rule.id },
            );
          } else addRule(withDefinitionSources(rule, state.definitions), within(at, 'rules', i), 'state', state.code);
        });
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
        for (const [key, kind] of [
          ['citations', 'citation'],
          ['conditions', 'condition'],
          ['trainings', 'training'],
        ] as const) {
          (file[key] ?? []).forEach((item, i) => {
            if (!item.id.startsWith(`${name}-`))
              reporter.error(
                'overlay-id-prefix',
                within(at, key, i, 'id'),
                `${kind} '${item.id}' of overlay '${name}' must start with '${name}-'`,
              );
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
  narrowNoProvisionFindings(data, stateFiles);
  const citationById = new Map(data.citations.map((c) => [c.id, c]));
  const citation = (id: string) => citationById.get(id);
  data.states = stateFiles.map((file) =>
    stateDef(
      file,
      data.rules.filter((r) => r.layer === 'state' && r.owner === file.code),
      citation,
    ),
  );
  checkRuleSet(data, origins, reporter, incomplete);
  if (lint) lintRuleSet(data, origins, reporter, lint);
  return data;
}

/**
 * A finding that a state has no delegation provision speaks for the tasks its other rules leave
 * alone: a task a state rule addresses (an x-ray permit, a phlebotomy registration) is answered by
 * that rule. A rule with an end date does not count, since the finding must answer after it. A rule
 * that starts on a date does: before that day the task falls back to the evaluator's coverage gap,
 * which is just as conditional (the loader has no clock to do better).
 */
function narrowNoProvisionFindings(data: RuleData, stateFiles: readonly StateFile[]): void {
  for (const state of stateFiles) {
    if (!state.delegation?.none) continue;
    const at = data.rules.findIndex((r) => r.id === noProvisionRuleId(state.code));
    const finding = data.rules[at];
    if (!finding) continue;
    const others = data.rules.filter((r) => r.layer === 'state' && r.owner === state.code && r !== finding && !r.until);
    const addressed = new Set(others.flatMap((r) => selectTasks(r, data.tasks)));
    const selected = selectTasks(finding, data.tasks);
    const taken = selected.filter((id) => addressed.has(id));
    if (taken.length === 0) continue;
    if (taken.length === selected.length) data.rules.splice(at, 1);
    else data.rules[at] = { ...finding, except: { tasks: taken } };
  }
}

/** A state's profile as the rule set keeps it: its own definitions moved out, coverage and review date derived from its rules. */
function stateDef(
  file: StateFile,
  own: readonly RuleRecord[],
  citation: (id: string) => Citation | undefined,
): StateDef {
  const { rules: _rules, credentials: _c, trainings: _t, conditions: _d, citations: _s, ...state } = file;
  const days = stateReviewDays(state, own, citation);
  const provision = state.delegation && !state.delegation.none ? state.delegation : undefined;
  return {
    ...state,
    coverage: deriveCoverage(state.code, state.delegation, own, citation),
    reviewed: days.at(-1) ?? null,
    delegators: provision?.delegators ?? [],
  };
}
