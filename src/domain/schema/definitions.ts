import { z } from 'zod';
import { CitationKind, CitationSource, Cites, EntityId, IsoDate, KebabId, StateCode } from './common.js';
import { Requirement } from './requirement.js';
import { SCOPES } from './vocabulary-schemas.js';
import { WebAddress } from './web-address.js';

/** A source (docs/design.md). `bill` never supports a rule; `secondary` never stands alone for law. */
export const Citation = z.strictObject({
  id: KebabId,
  title: z.string().min(1),
  publisher: z.string().min(1),
  kind: CitationKind,
  /** Who published this copy of the text: `official`, a faithful `copy`, or `commentary`. */
  source: CitationSource,
  year: z.number().int().min(1900).max(2100).optional(),
  section: z.string().min(1).optional(),
  url: WebAddress.optional(),
  /** Where the text was read when no web address was seen (a repository path and commit, a print edition). */
  locator: z.string().min(1).optional(),
  /** The day this text was last actually read. */
  reviewed: IsoDate,
});

export const Credential = z.strictObject({
  id: EntityId,
  name: z.string().min(1),
  issuer: z.string().min(1),
  scope: SCOPES,
  jurisdiction: StateCode.optional(),
  aliases: z.array(z.string().min(1)).optional(),
  /** A state status defined by other facts: held when this requirement is met. */
  derivedFrom: Requirement.optional(),
  description: z.string().min(1).optional(),
  cites: Cites,
});

export const Training = z.strictObject({
  id: EntityId,
  name: z.string().min(1),
  jurisdiction: StateCode.optional(),
  description: z.string().min(1),
  hours: z
    .strictObject({
      classroom: z.number().positive().optional(),
      clinical: z.number().positive().optional(),
      externship: z.number().positive().optional(),
    })
    .optional(),
  procedures: z.record(KebabId, z.number().int().positive()).optional(),
  /** Trainings this one meets in full. Hours are never added up. */
  satisfies: z.array(EntityId).min(1).optional(),
  cites: Cites,
});

export const ConditionDef = z.strictObject({
  id: EntityId,
  name: z.string().min(1),
  description: z.string().min(1),
  cites: z.array(KebabId).optional(),
});

export const Tag = z.strictObject({ id: KebabId, description: z.string().min(1) });

/** An entry of a tree vocabulary (roles, settings). */
export const TreeNode = z.strictObject({
  id: KebabId,
  name: z.string().min(1),
  parent: KebabId.optional(),
  aliases: z.array(z.string().min(1)).optional(),
});

export const CredentialsFile = z.strictObject({ credentials: z.array(Credential).min(1) });
export const TrainingsFile = z.strictObject({ trainings: z.array(Training) });
export const ConditionsFile = z.strictObject({ conditions: z.array(ConditionDef) });
export const CitationsFile = z.strictObject({ citations: z.array(Citation).min(1) });
export const TagsFile = z.strictObject({ tags: z.array(Tag).min(1) });
export const RolesFile = z.strictObject({ roles: z.array(TreeNode).min(1) });
export const SettingsFile = z.strictObject({ settings: z.array(TreeNode).min(1) });

export type Citation = z.infer<typeof Citation>;
export type Credential = z.infer<typeof Credential>;
export type Training = z.infer<typeof Training>;
export type ConditionDef = z.infer<typeof ConditionDef>;
export type Tag = z.infer<typeof Tag>;
export type TreeNode = z.infer<typeof TreeNode>;

export type CredentialsFile = z.infer<typeof CredentialsFile>;
export type TrainingsFile = z.infer<typeof TrainingsFile>;
export type ConditionsFile = z.infer<typeof ConditionsFile>;
export type CitationsFile = z.infer<typeof CitationsFile>;
export type TagsFile = z.infer<typeof TagsFile>;
export type RolesFile = z.infer<typeof RolesFile>;
export type SettingsFile = z.infer<typeof SettingsFile>;
