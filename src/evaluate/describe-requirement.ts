import { describeCondition } from '../domain/describe.js';
import type { Requirement } from '../domain/schema/requirement.js';

/**
 * A requirement in plain words, through the same wording decisions use (`describeCondition`), as
 * `ma-check state` and the site's rule lists show a rule's requirements.
 */
export function describeRequirement(req: Requirement): string {
  if (req.anyOf || req.allOf)
    return `${req.anyOf ? 'one of' : 'all of'}: ${(req.anyOf ?? req.allOf)!.map(describeRequirement).join('; ')}`;
  if (req.credential)
    return describeCondition({
      kind: 'credential',
      requires: 'anyOf' in req.credential ? req.credential.anyOf : req.credential,
      status: 'unknown',
    });
  if (req.supervision)
    return describeCondition({ kind: 'supervision', requires: req.supervision.atLeast, status: 'unknown' });
  if (req.training) return describeCondition({ kind: 'training', requires: req.training.anyOf, status: 'unknown' });
  if (req.delegator) return describeCondition({ kind: 'delegator', requires: req.delegator.anyOf, status: 'unknown' });
  if (req.setting)
    return describeCondition({
      kind: 'setting',
      requires: 'anyOf' in req.setting ? req.setting.anyOf : req.setting,
      status: 'unknown',
    });
  return describeCondition({ kind: 'condition', requires: req.condition ?? '', status: 'unknown' });
}
