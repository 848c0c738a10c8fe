import type { RuleDiagnosticCode } from '../domain/diagnostic-codes.js';
import { isStateCode } from '../domain/jurisdictions.js';
import type { RuleData, RuleRecord } from '../domain/rule-set.js';
import type { Requirement } from '../domain/schema/requirement.js';
import { selectTasks } from '../domain/select-tasks.js';
import { didYouMean } from '../domain/suggest.js';
import { checkSupersedes } from './check-supersedes.js';
import { checkDerivedCycles, checkTree } from './check-trees.js';
import { noProvisionRuleId } from './delegation-rule.js';
import { type Origins, originKey } from './origins.js';
import { type Origin, type Reporter, within } from './reporter.js';
import { RESERVED_NAMES } from './reserved-names.js';
import { supervisionTerms } from './supervision-terms.js';

/** The id sets a reference may point into, for lookups and "did you mean". */
interface Known {
  tasks: Set<string>;
  tags: Set<string>;
  credentials: Set<string>;
  trainings: Set<string>;
  conditions: Set<string>;
  citations: Set<string>;
  citationKinds: Map<string, string>;
  roles: Set<string>;
  settings: Set<string>;
  issuers: Set<string>;
}

/** Checks every reference between files: ids, selectors, requirements, citations, trees, supersession. */
export function checkRuleSet(
  data: RuleData,
  origins: Origins,
  reporter: Reporter,
  incomplete: ReadonlySet<string>,
): void {
  const known: Known = {
    tasks: new Set(data.tasks.map((t) => t.id)),
    tags: new Set(data.tags.map((t) => t.id)),
    credentials: new Set(data.credentials.map((c) => c.id)),
    trainings: new Set(data.trainings.map((t) => t.id)),
    conditions: new Set(data.conditions.map((c) => c.id)),
    citations: new Set(data.citations.map((c) => c.id)),
    citationKinds: new Map(data.citations.map((c) => [c.id, c.kind])),
    roles: new Set(data.roles.map((r) => r.id)),
    settings: new Set(data.settings.map((s) => s.id)),
    issuers: new Set(data.credentials.map((c) => c.issuer)),
  };
  const at = (kind: string, id: string): Origin => origins.get(originKey(kind, id))!;
  const ref = (
    code: Extract<RuleDiagnosticCode, `unknown-${string}`>,
    what: string,
    set: ReadonlySet<string>,
    id: string,
    where: Origin,
    ruleId?: string,
  ) => {
    if (set.has(id) || incomplete.has(code.replace(/^unknown-/, ''))) return;
    const hint = didYouMean(id, set);
    reporter.error(code, where, `unknown ${what} '${id}'${hint ? `; ${hint}` : ''}`, ruleId ? { ruleId } : {});
  };
  const cites = (ids: readonly string[] | undefined, where: Origin, ruleId?: string) =>
    ids?.forEach((id, i) => ref('unknown-citation', 'citation', known.citations, id, within(where, i), ruleId));

  const requirement = (req: Requirement, where: Origin, ruleId?: string): void => {
    const list = (
      code: Extract<RuleDiagnosticCode, `unknown-${string}`>,
      what: string,
      set: Set<string>,
      ids: readonly string[] | undefined,
      sub: Origin,
    ) => ids?.forEach((id, i) => ref(code, what, set, id, within(sub, i), ruleId));
    if (req.credential) {
      if ('anyOf' in req.credential)
        list(
          'unknown-credential',
          'credential',
          known.credentials,
          req.credential.anyOf,
          within(where, 'credential', 'anyOf'),
        );
      else
        list(
          'unknown-issuer',
          'credential issuer',
          known.issuers,
          req.credential.issuers,
          within(where, 'credential', 'issuers'),
        );
    }
    if (req.training)
      list('unknown-training', 'training', known.trainings, req.training.anyOf, within(where, 'training', 'anyOf'));
    if (req.delegator)
      list('unknown-role', 'delegator role', known.roles, req.delegator.anyOf, within(where, 'delegator', 'anyOf'));
    if (req.setting) {
      const key = 'anyOf' in req.setting ? 'anyOf' : 'noneOf';
      list(
        'unknown-setting',
        'setting',
        known.settings,
        'anyOf' in req.setting ? req.setting.anyOf : req.setting.noneOf,
        within(where, 'setting', key),
      );
    }
    if (req.condition)
      ref('unknown-condition', 'condition', known.conditions, req.condition, within(where, 'condition'), ruleId);
    req.anyOf?.forEach((r, i) => requirement(r, within(where, 'anyOf', i), ruleId));
    req.allOf?.forEach((r, i) => requirement(r, within(where, 'allOf', i), ruleId));
  };

  checkTree('role', data.roles, at, reporter);
  checkTree('setting', data.settings, at, reporter);

  const aliasOwner = new Map<string, string>();
  for (const task of data.tasks) aliasOwner.set(task.id, task.id);
  for (const task of data.tasks) {
    const where = at('task', task.id);
    const file: Origin = { ...where, path: [] };
    if (RESERVED_NAMES.includes(task.id))
      reporter.error('reserved-name', where, `task id '${task.id}' is a command name`);
    task.tags.forEach((tag, i) => ref('unknown-tag', 'tag', known.tags, tag, within(file, 'tags', i)));
    task.aliases.forEach((alias, i) => {
      const name = alias.toLowerCase();
      const here = within(file, 'aliases', i);
      if (RESERVED_NAMES.includes(name)) reporter.error('reserved-name', here, `alias '${alias}' is a command name`);
      else if (aliasOwner.has(name) && aliasOwner.get(name) !== task.id)
        reporter.error('duplicate-alias', here, `alias '${alias}' already names task '${aliasOwner.get(name)}'`);
      else aliasOwner.set(name, task.id);
    });
    task.notes?.forEach((note, i) => cites(note.cites, within(file, 'notes', i, 'cites')));
    task.conflicts?.forEach((c, i) => cites(c.cites, within(file, 'conflicts', i, 'cites')));
    if (!incomplete.has('rule') && !origins.has(originKey('rule', `${task.id}/baseline`))) {
      reporter.error(
        'missing-baseline',
        where,
        `task '${task.id}' needs exactly one baseline rule with id '${task.id}/baseline'`,
      );
    }
  }

  for (const credential of data.credentials) {
    const where = { ...at('credential', credential.id), path: at('credential', credential.id).path.slice(0, -1) };
    cites(credential.cites, within(where, 'cites'));
    if (credential.jurisdiction && !isStateCode(credential.jurisdiction))
      reporter.error(
        'invalid-state-code',
        within(where, 'jurisdiction'),
        `'${credential.jurisdiction}' is not a US state or DC code`,
      );
    if (credential.derivedFrom) requirement(credential.derivedFrom, within(where, 'derivedFrom'));
  }
  checkDerivedCycles(data, at, reporter);
  for (const training of data.trainings) {
    const where = { ...at('training', training.id), path: at('training', training.id).path.slice(0, -1) };
    cites(training.cites, within(where, 'cites'));
    training.satisfies?.forEach((id, i) =>
      ref('unknown-training', 'training', known.trainings, id, within(where, 'satisfies', i)),
    );
    Object.keys(training.procedures ?? {}).forEach((task) =>
      ref('unknown-task', 'task', known.tasks, task, within(where, 'procedures', task)),
    );
  }
  for (const condition of data.conditions) {
    const where = { ...at('condition', condition.id), path: at('condition', condition.id).path.slice(0, -1) };
    cites(condition.cites, within(where, 'cites'));
  }
  for (const state of data.states) {
    const file: Origin = { ...at('state', state.code), path: [] };
    state.delegation?.delegators?.forEach((role, i) =>
      ref('unknown-role', 'delegator role', known.roles, role, within(file, 'delegation', 'delegators', i)),
    );
    state.definitions?.forEach((d, i) => cites(d.cites, within(file, 'definitions', i, 'cites')));
    // A finding whose every task another rule addresses builds no rule; its sources are checked here instead.
    if (state.delegation?.none && !data.rules.some((r) => r.id === noProvisionRuleId(state.code)))
      cites(state.delegation.cites, within(file, 'delegation', 'cites'));
    state.notes?.forEach((note, i) => cites(note.cites, within(file, 'notes', i, 'cites')));
    state.conflicts?.forEach((c, i) => cites(c.cites, within(file, 'conflicts', i, 'cites')));
  }
  const gap = origins.get(originKey('gap', 'US'));
  if (gap) cites(data.jurisdictionGap.cites, within(gap, 'cites'));

  for (const rule of data.rules) checkRule(rule, at('rule-at', rule.id));
  checkSupersedes(data.rules, (id) => at('rule-at', id), reporter, !incomplete.has('rule'));

  /** A rule built from a state's `delegation:` block is located at the block. */
  function isBuilt(where: Origin): boolean {
    return where.path.length === 1 && where.path[0] === 'delegation';
  }

  /**
   * Where a rule's i-th requirement was written. A rule built from a state's `delegation:` block has
   * the delegator entry first (written as `delegators`), then the block's own `requires`.
   */
  function requiresAt(rule: RuleRecord, where: Origin, i: number): Origin | undefined {
    const built = isBuilt(where);
    const delegation = built ? data.states.find((s) => s.code === rule.owner)?.delegation : undefined;
    if (!built) return within(where, 'requires', i);
    // A finding's only requirement is the loader's own condition: an unknown one is reported at `none`.
    if (delegation?.none) return within(where, 'none');
    const lead = delegation?.delegators && delegation.exclusive !== false ? 1 : 0;
    // The delegator entry is checked where it was written, as the block's `delegators`.
    return i < lead ? undefined : within(where, 'requires', i - lead);
  }

  /** A supervision term must be one the rule's own state defines, at the level the rule asks for. */
  function checkTerms(rule: RuleRecord, where: Origin): void {
    const definitions = data.states.find((s) => rule.layer === 'state' && s.code === rule.owner)?.definitions ?? [];
    const terms = [
      ...supervisionTerms(rule.requires, []).flatMap((t) => {
        const at = requiresAt(rule, where, t.path[0] as number);
        return at ? [{ ...t, at: within(at, ...t.path.slice(1)) }] : [];
      }),
      ...supervisionTerms(rule.unless, []).map((t) => ({ ...t, at: within(where, 'unless', ...t.path) })),
    ];
    for (const t of terms) {
      const here = within(t.at, 'term');
      const definition = definitions.find((d) => d.id === t.term);
      if (!definition) {
        const hint = didYouMean(
          t.term,
          definitions.map((d) => d.id),
        );
        const whose =
          rule.layer === 'state' ? `${rule.owner}'s definitions` : 'a state file (only state rules use defined terms)';
        reporter.error(
          'unknown-supervision-term',
          here,
          `supervision term '${t.term}' is not in ${whose}${hint ? `; ${hint}` : ''}`,
          { ruleId: rule.id },
        );
      } else if (definition.level !== t.atLeast) {
        reporter.error(
          'supervision-term-level',
          within(t.at, 'atLeast'),
          `'${definition.term}' is defined as ${definition.level} supervision, not ${t.atLeast}`,
          { ruleId: rule.id },
        );
      }
    }
  }

  function checkRule(rule: RuleRecord, where: Origin): void {
    const ruleId = rule.id;
    const isTaskFile = rule.layer === 'national' && rule.owner !== 'US';
    if (!isTaskFile) {
      rule.appliesTo.tasks?.forEach((id, i) =>
        ref('unknown-task', 'task', known.tasks, id, within(where, 'appliesTo', 'tasks', i), ruleId),
      );
      rule.appliesTo.tags?.forEach((id, i) =>
        ref('unknown-tag', 'tag', known.tags, id, within(where, 'appliesTo', 'tags', i), ruleId),
      );
      rule.except?.tasks?.forEach((id, i) =>
        ref('unknown-task', 'task', known.tasks, id, within(where, 'except', 'tasks', i), ruleId),
      );
      rule.except?.tags?.forEach((id, i) =>
        ref('unknown-tag', 'tag', known.tags, id, within(where, 'except', 'tags', i), ruleId),
      );
      if (!incomplete.has('task') && !incomplete.has('tag') && selectTasks(rule, data.tasks).length === 0)
        reporter.error(
          'empty-selection',
          isBuilt(where) ? within(where, 'categories') : within(where, 'appliesTo'),
          `rule '${ruleId}' selects no task`,
          { ruleId },
        );
    }
    rule.states?.forEach(
      (code, i) =>
        isStateCode(code) ||
        reporter.error('invalid-state-code', within(where, 'states', i), `'${code}' is not a US state or DC code`, {
          ruleId,
        }),
    );
    rule.requires?.forEach((req, i) => {
      const at = requiresAt(rule, where, i);
      if (at) requirement(req, at, ruleId);
    });
    rule.unless?.forEach((req, i) => requirement(req, within(where, 'unless', i), ruleId));
    checkTerms(rule, where);
    cites(rule.cites, within(where, 'cites'), ruleId);
    rule.notes?.forEach((note, i) => cites(note.cites, within(where, 'notes', i, 'cites'), ruleId));
    rule.cites.forEach((id, i) => {
      if (known.citationKinds.get(id) === 'bill')
        reporter.error(
          'bill-cited',
          within(where, 'cites', i),
          `'${id}' is a bill; a bill never supports a rule (record it in notes)`,
          { ruleId },
        );
    });
  }
}
