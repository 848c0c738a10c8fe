import type { Verdict } from './verdict.js';
import type { Basis, CitationKind, CitationSource, Confidence, CoverageLevel, Layer } from './vocabulary.js';

/** The tables of the dataset `ma-check export` writes, in the order it writes them. */
export const DATASET_TABLES = ['decisions', 'rules', 'citations', 'jurisdictions'] as const;
export type DatasetTable = (typeof DATASET_TABLES)[number];

/** The formats a table can be written in; each table is one file named `<table>.<format>`. */
export const DATASET_FORMATS = ['csv', 'json', 'ndjson'] as const;
export type DatasetFormat = (typeof DATASET_FORMATS)[number];

/** How a list column's items are joined in a CSV cell; no id or requirement token holds it. */
export const LIST_SEPARATOR = ';';

export const MANIFEST_FILE = 'manifest.json';
export const CODEBOOK_FILE = 'codebook.md';

export const datasetFileName = (table: DatasetTable, format: DatasetFormat): string => `${table}.${format}`;

/**
 * One point of the query space and its decision. The profile columns hold labels: a credential or
 * training label is ids joined by `;`, or `none`; `*` stands for every value of an axis the rules
 * in force do not read (docs/query-space.md).
 */
export interface DatasetDecision {
  readonly task: string;
  readonly jurisdiction: string;
  readonly credential: string;
  readonly supervision: string;
  readonly delegator: string;
  readonly training: string;
  readonly verdict: Verdict;
  readonly confidence: Confidence;
  readonly determined_by: readonly string[];
  readonly to_verify: readonly string[];
  readonly unmet: readonly string[];
  readonly citations: readonly string[];
}

/** One rule of the rule set, national, state or overlay. Absent values are `null`. */
export interface DatasetRule {
  readonly id: string;
  readonly layer: Layer;
  readonly owner: string;
  readonly basis: Basis;
  readonly verdict: Verdict | null;
  readonly confidence: Confidence;
  readonly tasks: readonly string[];
  readonly effective: string | null;
  readonly until: string | null;
  readonly supersedes: readonly string[];
  readonly cites: readonly string[];
  readonly reviewed: string | null;
  readonly summary: string;
}

/** One source of the rule set. Absent values are `null`. */
export interface DatasetCitation {
  readonly id: string;
  readonly kind: CitationKind;
  readonly source: CitationSource;
  readonly title: string;
  readonly publisher: string;
  readonly year: number | null;
  readonly section: string | null;
  readonly url: string | null;
  readonly locator: string | null;
  readonly reviewed: string;
  readonly rules_citing: number;
}

/** One jurisdiction of the space, with the figures `ma-check states` shows for it. */
export interface DatasetJurisdiction {
  readonly code: string;
  readonly name: string;
  readonly coverage: CoverageLevel;
  readonly reviewed: string | null;
  readonly delegation: 'provision' | 'none' | 'missing';
  readonly rules: number;
  readonly law_rules: number;
  readonly law_rules_official: number;
  readonly law_rules_official_text: number;
  readonly state_determined: number;
  readonly state_governed: number;
}

/** The row type of each table. */
export interface DatasetRows {
  readonly decisions: DatasetDecision;
  readonly rules: DatasetRule;
  readonly citations: DatasetCitation;
  readonly jurisdictions: DatasetJurisdiction;
}

/** A row of any table: every value a text, a whole number, a list of texts, or `null`. */
export type DatasetRow = DatasetRows[DatasetTable];

/** Every table of the dataset, as plain rows. */
export type DatasetTables = { readonly [T in DatasetTable]: readonly DatasetRows[T][] };

/** The profile facts fixed for every point, as the space options gave them (canonical ids). */
export interface DatasetFixedProfile {
  readonly credentials?: readonly string[];
  readonly supervision?: string;
  readonly delegator?: string;
  readonly trainings?: readonly string[];
  readonly setting?: string;
  readonly confirmed?: readonly string[];
  readonly denied?: readonly string[];
}

/** The part of the query space a dataset covers, besides its date. */
export interface DatasetSpace {
  /** Task ids, in the order of the decisions. */
  readonly tasks: readonly string[];
  /** State codes, in the order of the decisions. */
  readonly jurisdictions: readonly string[];
  readonly fixed: DatasetFixedProfile;
  /** Names of the organization overlays in the rule set, in overlay order. */
  readonly overlays: readonly string[];
}
