import { z } from 'zod';
import { CREDENTIAL_SCOPES, SUPERVISION_LEVELS } from '../vocabulary.js';
import { EntityId, KebabId } from './common.js';

const AnyOfIds = z.strictObject({ anyOf: z.array(EntityId).min(1) });

const CredentialNeed = z.union([
  AnyOfIds,
  z.strictObject({ scope: z.enum(CREDENTIAL_SCOPES), issuers: z.array(z.string().min(1)).min(1).optional() }),
]);

const SettingNeed = z.union([
  z.strictObject({ anyOf: z.array(KebabId).min(1) }),
  z.strictObject({ noneOf: z.array(KebabId).min(1) }),
]);

/** One requirement entry: exactly one of the keys below (docs/design.md). Groups nest freely. */
export interface Requirement {
  credential?: z.infer<typeof CredentialNeed>;
  /** `term` names the state definition that fixes the level (`definitions:` in the state file). */
  supervision?: { atLeast: (typeof SUPERVISION_LEVELS)[number]; term?: string };
  training?: { anyOf: string[] };
  delegator?: { anyOf: string[] };
  setting?: z.infer<typeof SettingNeed>;
  condition?: string;
  anyOf?: Requirement[];
  allOf?: Requirement[];
}

const REQUIREMENT_KINDS = [
  'credential',
  'supervision',
  'training',
  'delegator',
  'setting',
  'condition',
  'anyOf',
  'allOf',
] as const;

export const Requirement: z.ZodType<Requirement> = z.lazy(() =>
  z
    .strictObject({
      credential: CredentialNeed.optional(),
      supervision: z.strictObject({ atLeast: z.enum(SUPERVISION_LEVELS), term: KebabId.optional() }).optional(),
      training: AnyOfIds.optional(),
      delegator: z.strictObject({ anyOf: z.array(KebabId).min(1) }).optional(),
      setting: SettingNeed.optional(),
      condition: EntityId.optional(),
      anyOf: z.array(Requirement).min(2, 'a group needs at least two entries').optional(),
      allOf: z.array(Requirement).min(2, 'a group needs at least two entries').optional(),
    })
    .check((ctx) => {
      const keys = Object.keys(ctx.value);
      if (keys.length !== 1) {
        ctx.issues.push({
          code: 'custom',
          input: ctx.value,
          message: `a requirement has exactly one of ${REQUIREMENT_KINDS.join(', ')}; found ${keys.length ? keys.join(', ') : 'none'}`,
          params: { code: 'requirement-shape' },
        });
      }
    }),
);
