import { z } from 'zod';
import { SUPERVISION_LEVELS } from '../vocabulary.js';
import { CitationSource, Cites, Conflict, IsoDate, KebabId, Note, RuleConfidence, StateCode } from './common.js';
import { Citation, ConditionDef, Credential, Training } from './definitions.js';
import { Requirement } from './requirement.js';
import { Except, SelectingRule, TaskRule } from './rule.js';
import { CATEGORIES } from './vocabulary-schemas.js';

/** `rules/tasks/<id>.yaml`: one task and its national rules, the baseline among them. */
export const TaskFile = z.strictObject({
  id: KebabId,
  name: z.string().min(1),
  category: CATEGORIES,
  tags: z.array(KebabId).default([]),
  aliases: z.array(z.string().min(1)).default([]),
  description: z.string().min(1),
  rules: z.array(TaskRule).min(1, 'a task needs its baseline rule'),
  notes: z.array(Note).optional(),
  conflicts: z.array(Conflict).optional(),
});

/** Where the synthetic jurisdiction rules (`XX/coverage-gap`, `US/state-not-given`) get their sources. */
const JurisdictionGap = z.strictObject({ cites: Cites });

/** `rules/national.yaml`: national rules that select by tag or category. */
export const NationalFile = z.strictObject({
  jurisdictionGap: JurisdictionGap,
  rules: z.array(SelectingRule).default([]),
  notes: z.array(Note).optional(),
  conflicts: z.array(Conflict).optional(),
});

/**
 * A supervision term the state's own law defines, and where the definition puts the supervisor.
 * A rule names it (`supervision: {atLeast: direct, term: on-site}`) so the level is traceable to its source.
 */
export const SupervisionDefinition = z.strictObject({
  id: KebabId,
  /** The words of the law ("on-site supervision"). */
  term: z.string().min(1),
  level: z.enum(SUPERVISION_LEVELS),
  /** What the definition says, in our words. */
  meaning: z.string().min(1),
  cites: Cites,
  reviewed: IsoDate.optional(),
});

/**
 * The state's general delegation provision, from which the loader builds the rule
 * `XX/general-delegation`; or, with `none: true`, a cited finding that the state has none.
 */
export const Delegation = z
  .strictObject({
    none: z.literal(true).optional(),
    summary: z.string().min(1),
    confidence: RuleConfidence,
    /** Who may delegate to an MA under the provision. */
    delegators: z.array(KebabId).min(1).optional(),
    /** `false`: the provision names these delegators but is silent on others, so no delegator requirement is built. */
    exclusive: z.boolean().optional(),
    /** The categories the provision covers; by default every state-governed one. */
    categories: z.array(CATEGORIES).min(1).optional(),
    except: Except.optional(),
    /** Requirements besides the delegator (added by the loader). */
    requires: z.array(Requirement).min(1).optional(),
    effective: IsoDate.optional(),
    until: IsoDate.optional(),
    cites: Cites,
    notes: z.array(Note).optional(),
    reviewed: IsoDate.optional(),
  })
  .check((ctx) => {
    const d = ctx.value;
    const problem = (path: string, message: string) =>
      ctx.issues.push({ code: 'custom', input: d, path: [path], message, params: { code: 'delegation-shape' } });
    if (d.none) {
      for (const key of [
        'delegators',
        'exclusive',
        'categories',
        'except',
        'requires',
        'effective',
        'until',
      ] as const) {
        if (d[key] !== undefined) problem(key, `a finding that no provision exists (none: true) has no '${key}'`);
      }
    } else if (!d.delegators && d.exclusive !== false) {
      problem('delegators', 'name the delegators, or set `exclusive: false` when the provision names none');
    } else if ((d.exclusive === false || !d.delegators) && !d.requires) {
      // Such a rule would require nothing and answer `allowed` with no facts given.
      problem(
        d.exclusive === false ? 'exclusive' : 'delegators',
        'a provision that builds no delegator requirement needs its own `requires`; otherwise it allows every task it covers (or make it a finding: none: true)',
      );
    }
  });

/** `rules/states/<XX>.yaml`: one jurisdiction, with the definitions only its rules use. */
export const StateFile = z.strictObject({
  code: StateCode,
  name: z.string().min(1),
  delegation: Delegation.optional(),
  definitions: z.array(SupervisionDefinition).optional(),
  rules: z.array(SelectingRule).default([]),
  notes: z.array(Note).optional(),
  conflicts: z.array(Conflict).optional(),
  credentials: z.array(Credential).optional(),
  trainings: z.array(Training).optional(),
  conditions: z.array(ConditionDef).optional(),
  citations: z.array(Citation).optional(),
});

/** `<overlay>/overlay.yaml`: an organization's policy layer. */
export const OverlayFile = z.strictObject({
  name: KebabId,
  description: z.string().min(1).optional(),
  states: z.array(StateCode).min(1).optional(),
});

/**
 * `<overlay>/rules/*.yaml`: policy rules, and the citations, conditions and trainings they need,
 * with ids prefixed by the overlay's name.
 */
export const OverlayRulesFile = z.strictObject({
  /** An organization's own policy is the official text of that policy: `source` defaults to `official`, so overlays written before it existed still load. */
  citations: z.array(Citation.extend({ source: CitationSource.default('official') })).optional(),
  conditions: z.array(ConditionDef).optional(),
  trainings: z.array(Training).optional(),
  rules: z.array(SelectingRule).default([]),
});
export type OverlayRulesFile = z.infer<typeof OverlayRulesFile>;

export type TaskFile = z.infer<typeof TaskFile>;
export type NationalFile = z.infer<typeof NationalFile>;
export type StateFile = z.infer<typeof StateFile>;
export type Delegation = z.infer<typeof Delegation>;
export type SupervisionDefinition = z.infer<typeof SupervisionDefinition>;
export type OverlayFile = z.infer<typeof OverlayFile>;
