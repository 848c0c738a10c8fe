/** Closed vocabularies shared by the schemas, the evaluator and the CLI. */

/** Where the delegating practitioner is, from least to most present (docs/design.md). */
export const SUPERVISION_LEVELS = ['none', 'general', 'virtual', 'direct', 'personal'] as const;
export type SupervisionLevel = (typeof SUPERVISION_LEVELS)[number];
export const supervisionRank = (level: SupervisionLevel): number => SUPERVISION_LEVELS.indexOf(level);

export const BASES = ['law', 'guidance', 'policy'] as const;
export type Basis = (typeof BASES)[number];

export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export const CATEGORIES = ['administrative', 'clinical', 'laboratory', 'imaging', 'cleaning', 'specialized'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Categories whose tasks need a state rule before a decision can rest on the state (docs/design.md). */
export const STATE_GOVERNED_CATEGORIES: readonly Category[] = ['clinical', 'laboratory', 'imaging', 'specialized'];

export const COVERAGE_LEVELS = ['reviewed', 'partial', 'none'] as const;
export type CoverageLevel = (typeof COVERAGE_LEVELS)[number];

export const CITATION_KINDS = [
  'statute',
  'regulation',
  'board-rule',
  'agency-guidance',
  'ag-opinion',
  'position-paper',
  'professional-standard',
  'secondary',
  'bill',
] as const;
export type CitationKind = (typeof CITATION_KINDS)[number];

/** Kinds that are primary law or official text; the rest are commentary or proposals. */
export const PRIMARY_CITATION_KINDS: readonly CitationKind[] = [
  'statute',
  'regulation',
  'board-rule',
  'agency-guidance',
  'ag-opinion',
];

/**
 * Who published the text a citation points at: the law's or board's own publisher, a faithful
 * third-party copy of such a text, or anything else (counsel articles, schools, societies, blogs).
 */
export const CITATION_SOURCES = ['official', 'copy', 'commentary'] as const;
export type CitationSource = (typeof CITATION_SOURCES)[number];

/** Kinds that are the text of the law itself (not a board's guidance about it). */
export const LAW_TEXT_KINDS: readonly CitationKind[] = ['statute', 'regulation', 'board-rule'];

export const CREDENTIAL_SCOPES = ['clinical', 'administrative'] as const;
export type CredentialScope = (typeof CREDENTIAL_SCOPES)[number];

export const LAYERS = ['national', 'state', 'overlay'] as const;
export type Layer = (typeof LAYERS)[number];
