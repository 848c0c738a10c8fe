import { z } from 'zod';
import { SUPERVISION_LEVELS } from '../vocabulary.js';
import { EntityId, IsoDate, KebabId, RuleId, StateCode } from './common.js';
import { VERDICT_SCHEMA } from './vocabulary-schemas.js';

/** The query keys of a case: the decision's `query` keys; omitted is unknown, `[]` is none. */
const CaseQuery = z.strictObject({
  task: z.string().min(1),
  states: z.array(z.union([StateCode, z.literal('US')])).optional(),
  credentials: z.array(z.string().min(1)).optional(),
  supervision: z.enum(SUPERVISION_LEVELS).optional(),
  trainings: z.array(z.string().min(1)).optional(),
  delegator: KebabId.optional(),
  setting: KebabId.optional(),
  confirmed: z.array(EntityId).optional(),
  denied: z.array(EntityId).optional(),
  asOf: IsoDate.optional(),
});

const ExpectedCondition = z.strictObject({
  kind: z.string().min(1),
  requires: z.unknown().optional(),
  status: z.enum(['unknown', 'unmet']).optional(),
});

export const Case = z.strictObject({
  id: RuleId,
  source: KebabId,
  asOf: IsoDate.optional(),
  query: CaseQuery,
  expect: z.strictObject({
    verdict: VERDICT_SCHEMA,
    determinedBy: z.array(RuleId).optional(),
    conditions: z.array(ExpectedCondition).optional(),
    citations: z.array(KebabId).optional(),
  }),
});

/** `rules/cases/<XX>.yaml`: expected decisions, the rule author's reading of the source. */
export const CaseFile = z.strictObject({
  jurisdiction: z.union([StateCode, z.literal('US')]),
  asOf: IsoDate.optional(),
  cases: z.array(Case).min(1),
});

export type Case = z.infer<typeof Case>;
export type CaseFile = z.infer<typeof CaseFile>;
