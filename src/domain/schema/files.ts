import { z } from 'zod';
import { Cites, Conflict, IsoDate, KebabId, Note, StateCode } from './common.js';
import { Citation, ConditionDef, Training } from './definitions.js';
import { SelectingRule, TaskRule } from './rule.js';
import { CATEGORIES, COVERAGE } from './vocabulary-schemas.js';

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
export const JurisdictionGap = z.strictObject({ cites: Cites });

/** `rules/national.yaml`: national rules that select by tag or category. */
export const NationalFile = z.strictObject({
  jurisdictionGap: JurisdictionGap,
  rules: z.array(SelectingRule).default([]),
  notes: z.array(Note).optional(),
  conflicts: z.array(Conflict).optional(),
});

/** `rules/states/<XX>.yaml`: one jurisdiction. */
export const StateFile = z.strictObject({
  code: StateCode,
  name: z.string().min(1),
  coverage: COVERAGE,
  reviewed: IsoDate,
  delegators: z.array(KebabId).default([]),
  rules: z.array(SelectingRule).default([]),
  notes: z.array(Note).optional(),
  conflicts: z.array(Conflict).optional(),
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
  citations: z.array(Citation).optional(),
  conditions: z.array(ConditionDef).optional(),
  trainings: z.array(Training).optional(),
  rules: z.array(SelectingRule).default([]),
});
export type OverlayRulesFile = z.infer<typeof OverlayRulesFile>;

export type TaskFile = z.infer<typeof TaskFile>;
export type NationalFile = z.infer<typeof NationalFile>;
export type StateFile = z.infer<typeof StateFile>;
export type OverlayFile = z.infer<typeof OverlayFile>;
