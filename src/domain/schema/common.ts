import { z } from 'zod';
import { BASES, CITATION_KINDS, CITATION_SOURCES, CONFIDENCES } from '../vocabulary.js';

/** A lower-case kebab-case id: tasks, tags, trainings, conditions, citations, roles, settings. */
export const KebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, -)');

/** Credential, training and condition ids may carry a state prefix in capitals (`WA-MA-C`, `CA-injection-training`). */
export const EntityId = z.string().regex(/^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/, 'must be letters, digits and single dashes');

/** `<task|US|XX|overlay>/<kebab-name>` (docs/rule-model.md). */
export const RuleId = z
  .string()
  .regex(/^(US|[A-Z]{2}|[a-z0-9-]+)\/[a-z0-9]+(-[a-z0-9]+)*$/, 'must look like <task-id|US|XX|overlay>/<kebab-name>');

export const StateCode = z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter USPS code in capitals');

/** A calendar date written YYYY-MM-DD. YAML's core schema keeps it a string. */
export const IsoDate = z.iso.date();

export const Basis = z.enum(BASES);
export const RuleConfidence = z.enum(CONFIDENCES.filter((c) => c !== 'low') as ['high', 'medium']);
export const CitationKind = z.enum(CITATION_KINDS);
export const CitationSource = z.enum(CITATION_SOURCES);

export const Cites = z.array(KebabId).min(1, 'cite at least one source');

/** A fact too weak to bind: shown, never evaluated. */
export const Note = z.strictObject({
  text: z.string().min(1),
  cites: z.array(KebabId).default([]),
  confidence: z.enum(CONFIDENCES),
});

/** Two sources that disagree, and which one the rules follow. */
export const Conflict = z.strictObject({
  summary: z.string().min(1),
  cites: z.array(KebabId).min(2, 'a conflict names at least two sources'),
  resolution: z.string().min(1),
});

export type Note = z.infer<typeof Note>;
export type Conflict = z.infer<typeof Conflict>;
