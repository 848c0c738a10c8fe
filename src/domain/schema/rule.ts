import { z } from 'zod';
import { Basis, Cites, IsoDate, KebabId, Note, RuleConfidence, RuleId, StateCode } from './common.js';
import { Requirement } from './requirement.js';
import { CATEGORIES, EXPLICIT_VERDICTS_SCHEMA } from './vocabulary-schemas.js';

/** Which tasks a rule selects, outside a task file (docs/design.md). */
const Selector = z
  .strictObject({
    tasks: z.array(KebabId).min(1).optional(),
    tags: z.array(KebabId).min(1).optional(),
    categories: z.array(CATEGORIES).min(1).optional(),
    all: z.literal(true).optional(),
  })
  .refine((s) => Object.keys(s).length > 0, {
    message: 'select by tasks, tags, categories or all: true',
    params: { code: 'empty-selection' },
  });

export const Except = z.strictObject({
  tasks: z.array(KebabId).min(1).optional(),
  tags: z.array(KebabId).min(1).optional(),
});

const ruleFields = {
  id: RuleId,
  summary: z.string().min(1),
  basis: Basis,
  confidence: RuleConfidence,
  verdict: EXPLICIT_VERDICTS_SCHEMA.optional(),
  unless: z.array(Requirement).min(1).optional(),
  requires: z.array(Requirement).min(1).optional(),
  supersedes: z.array(RuleId).min(1).optional(),
  effective: IsoDate.optional(),
  until: IsoDate.optional(),
  cites: Cites,
  notes: z.array(Note).optional(),
  /** The day the rule's sources were last re-read against it; a rule not re-read keeps its old date. */
  reviewed: IsoDate.optional(),
};

type RuleShape = { basis: string; verdict?: string; unless?: unknown; effective?: string; until?: string };

/** Checks within one rule that the field types alone cannot say. */
function checkRule(ctx: z.core.ParsePayload<RuleShape>): void {
  const rule = ctx.value;
  const problem = (code: string, path: string, message: string) =>
    ctx.issues.push({ code: 'custom', input: rule, path: [path], message, params: { code } });
  if (rule.basis === 'guidance' && rule.verdict === 'prohibited') {
    problem(
      'guidance-prohibits',
      'verdict',
      'a guidance rule yields at most discouraged; only law or policy may prohibit',
    );
  }
  if (rule.unless && !rule.verdict)
    problem(
      'unless-without-verdict',
      'unless',
      '`unless` lifts an explicit verdict; add `verdict` or move these to `requires`',
    );
  if (rule.effective && rule.until && rule.until <= rule.effective)
    problem('empty-period', 'until', `until (${rule.until}) must be after effective (${rule.effective})`);
}

/** A rule inside `tasks/<id>.yaml`: it selects its own task. */
export const TaskRule = z.strictObject(ruleFields).check(checkRule);

/** A rule in `national.yaml`, a state file or an overlay: it says which tasks it selects. */
export const SelectingRule = z
  .strictObject({
    ...ruleFields,
    appliesTo: Selector,
    except: Except.optional(),
    /** Overlays only: the states the rule covers (all when omitted). */
    states: z.array(StateCode).min(1).optional(),
  })
  .check(checkRule);

export type TaskRule = z.infer<typeof TaskRule>;
export type SelectingRule = z.infer<typeof SelectingRule>;
