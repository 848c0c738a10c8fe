import type { DatasetRows, DatasetTable } from './dataset.js';
import { ANY_VALUE, NONE_VALUE } from './query-space.js';
import { EXPLICIT_VERDICTS, VERDICTS } from './verdict.js';
import {
  BASES,
  CITATION_KINDS,
  CITATION_SOURCES,
  CONFIDENCES,
  COVERAGE_LEVELS,
  LAYERS,
  SUPERVISION_LEVELS,
} from './vocabulary.js';

/**
 * What a column holds. `list`: texts, a JSON array, joined by `;` in a CSV cell (an empty list is
 * an empty cell). `integer`: a whole number. `date`: YYYY-MM-DD. `text`: anything else.
 */
export type DatasetColumnType = 'text' | 'integer' | 'date' | 'list';

/** One column of one table: the codebook's row for it. */
export interface DatasetColumn<Row> {
  readonly name: keyof Row & string;
  readonly type: DatasetColumnType;
  /** The value may be absent: `null` in JSON and NDJSON, an empty cell in CSV. */
  readonly optional?: true;
  /** The closed set of values, when there is one. */
  readonly values?: readonly string[];
  /** What the value is and where it comes from. */
  readonly derived: string;
}

/** One table of the dataset: what a row is, in which order rows come, and its columns in order. */
export interface DatasetTableDef<Row> {
  readonly row: string;
  readonly order: string;
  readonly columns: readonly DatasetColumn<Row>[];
}

/**
 * The codebook: every column of every table. The files are written from this table (CSV headers,
 * column order) and `codebook.md` is generated from it, so the two cannot drift apart.
 */
export const DATASET_COLUMNS: { readonly [T in DatasetTable]: DatasetTableDef<DatasetRows[T]> } = {
  decisions: {
    row: 'one point of the query space (docs/query-space.md): a task, in one jurisdiction, for one profile, on the as-of date, with its decision',
    order:
      'tasks in rule-set order (or as narrowed), then jurisdictions in the order of `manifest.json` `space.jurisdictions`, then credential, supervision, delegator and training in the grid order of `manifest.json` `grid`',
    columns: [
      { name: 'task', type: 'text', derived: 'Task id (`ma-check tasks`).' },
      {
        name: 'jurisdiction',
        type: 'text',
        derived: 'USPS code of the state or DC where the task is done; one state per row.',
      },
      {
        name: 'credential',
        type: 'text',
        derived: `Credentials the profile holds: \`${NONE_VALUE}\`, one national credential id, or one credential id of the row's own jurisdiction. With \`--cert\`, the ids given, joined by \`;\`. \`${ANY_VALUE}\`: no rule in force reads credentials here, so the row stands for every value (the query leaves credentials unknown).`,
      },
      {
        name: 'supervision',
        type: 'text',
        values: [...SUPERVISION_LEVELS, ANY_VALUE],
        derived: `Where the delegating practitioner is, least to most present. \`${ANY_VALUE}\` as for credential.`,
      },
      {
        name: 'delegator',
        type: 'text',
        derived: `Role id of who delegates (\`physician\`, \`np\`…; every role of the rule set). \`${ANY_VALUE}\` as for credential.`,
      },
      {
        name: 'training',
        type: 'text',
        derived: `Trainings completed: \`${NONE_VALUE}\`, or every training the task's rules in the jurisdiction name, all held at once, joined by \`;\` (\`asked\` in \`manifest.json\` \`grid.trainings\` stands for this list, which differs from row to row). With \`--training\`, the ids given. \`${ANY_VALUE}\` as for credential.`,
      },
      {
        name: 'verdict',
        type: 'text',
        values: VERDICTS,
        derived:
          'The decision, least to most restrictive: the strictest outcome of the rules in force (as `ma-check check` decides it).',
      },
      {
        name: 'confidence',
        type: 'text',
        values: CONFIDENCES,
        derived:
          'The lowest confidence among the determining rules; `low` whenever a jurisdiction requirement (no state rule for the task) is among the conditions.',
      },
      {
        name: 'determined_by',
        type: 'list',
        derived:
          "Ids of the determining rules (`rules.id`), national first, then the state's, then overlays. `XX/coverage-gap` is not a rule of the data: the evaluator's own, when the state has no rule for a task whose scope state law sets.",
      },
      {
        name: 'to_verify',
        type: 'list',
        derived:
          'Requirements the profile leaves unknown, each one token: `kind:value`, alternatives joined by `|` (`credential:CMA|RMA`), a setting exclusion as `setting:not(a|b)`, a credential scope as `credential:scope=clinical`, groups as `anyOf(…)` and `allOf(…)` with their parts joined by `,`. Setting and conditions are not axes of the space, so unless fixed they are always unknown.',
      },
      { name: 'unmet', type: 'list', derived: 'Requirements the profile does not meet, in the same tokens.' },
      {
        name: 'citations',
        type: 'list',
        derived: "Ids of the decision's sources (`citations.id`), in the decision's order.",
      },
    ],
  },
  rules: {
    row: 'one rule of the rule set (national, state or overlay), whether or not it is in force on the as-of date',
    order: 'national rules, then state rules, then overlay rules; in rule-file order within each',
    columns: [
      { name: 'id', type: 'text', derived: 'Rule id, as `determined_by` names it.' },
      { name: 'layer', type: 'text', values: LAYERS, derived: 'Which layer of rules the rule belongs to.' },
      {
        name: 'owner',
        type: 'text',
        derived: '`US` for a national rule, the state code for a state rule, the overlay name for an overlay rule.',
      },
      {
        name: 'basis',
        type: 'text',
        values: BASES,
        derived: 'What the rule rests on: law, professional guidance, or an organization policy.',
      },
      {
        name: 'verdict',
        type: 'text',
        optional: true,
        values: EXPLICIT_VERDICTS,
        derived:
          'The verdict the rule states outright; absent when its outcome follows from its requirements (allowed when they are met).',
      },
      {
        name: 'confidence',
        type: 'text',
        values: CONFIDENCES.filter((c) => c !== 'low'),
        derived: "The rule's confidence.",
      },
      {
        name: 'tasks',
        type: 'list',
        derived: 'Ids of the tasks the rule selects (any of its selectors, minus its exceptions), in rule-set order.',
      },
      {
        name: 'effective',
        type: 'date',
        optional: true,
        derived: 'The rule is in force from this day; absent: since always.',
      },
      {
        name: 'until',
        type: 'date',
        optional: true,
        derived: 'The rule is in force before this day (the day itself is not); absent: with no end.',
      },
      { name: 'supersedes', type: 'list', derived: 'Ids of the rules this rule replaces.' },
      { name: 'cites', type: 'list', derived: "Ids of the rule's sources (`citations.id`)." },
      {
        name: 'reviewed',
        type: 'date',
        optional: true,
        derived: 'The day the rule was last re-read against its sources; absent when not recorded.',
      },
      { name: 'summary', type: 'text', derived: 'What the rule says, in one sentence of the rule file.' },
    ],
  },
  citations: {
    row: 'one source of the rule set',
    order: 'as the rule set lists them',
    columns: [
      { name: 'id', type: 'text', derived: 'Citation id, as `cites` and `citations` name it.' },
      { name: 'kind', type: 'text', values: CITATION_KINDS, derived: 'What kind of text it is.' },
      {
        name: 'source',
        type: 'text',
        values: CITATION_SOURCES,
        derived:
          "Who published this copy of the text: the law's or board's own publisher (`official`), a faithful third-party copy (`copy`), or anything else (`commentary`).",
      },
      { name: 'title', type: 'text', derived: 'Title of the text.' },
      { name: 'publisher', type: 'text', derived: 'Who publishes it.' },
      { name: 'year', type: 'integer', optional: true, derived: 'Year of the text, when known.' },
      { name: 'section', type: 'text', optional: true, derived: 'The section cited, when the citation names one.' },
      { name: 'url', type: 'text', optional: true, derived: 'Web address of the text read, when there is one.' },
      {
        name: 'locator',
        type: 'text',
        optional: true,
        derived:
          'Where the text was read when no web address was seen (a repository path and commit, a print edition).',
      },
      { name: 'reviewed', type: 'date', derived: 'The day the text was last actually read.' },
      {
        name: 'rules_citing',
        type: 'integer',
        derived:
          'How many rules of the `rules` table name it in their `cites`; 0 for a source cited only by a delegation provision, definition, note or credential.',
      },
    ],
  },
  jurisdictions: {
    row: 'one jurisdiction of the space, with the figures `ma-check states` shows for it',
    order: 'as the decisions, `manifest.json` `space.jurisdictions`',
    columns: [
      { name: 'code', type: 'text', derived: 'USPS code, as `decisions.jurisdiction` names it.' },
      { name: 'name', type: 'text', derived: 'Name of the state or DC.' },
      {
        name: 'coverage',
        type: 'text',
        values: COVERAGE_LEVELS,
        derived:
          "Derived from its sources (ma-check's README, Coverage and sources): `reviewed` when its delegation provision cites an official source and every law rule cites the law's official text; `partial` when it has rules but not that; `none` when it has no rule.",
      },
      {
        name: 'reviewed',
        type: 'date',
        optional: true,
        derived: "The latest day any of the state's sources was read; absent when it has none.",
      },
      {
        name: 'delegation',
        type: 'text',
        values: ['provision', 'none', 'missing'],
        derived:
          'Its general delegation provision is in the rules (`provision`), a cited finding that it has none (`none`), or not researched into the rules (`missing`).',
      },
      { name: 'rules', type: 'integer', derived: "The state's own rules (layer `state`, owner the code)." },
      { name: 'law_rules', type: 'integer', derived: 'Of those, the rules whose basis is law.' },
      {
        name: 'law_rules_official',
        type: 'integer',
        derived: 'Law rules citing at least one `official` source.',
      },
      {
        name: 'law_rules_official_text',
        type: 'integer',
        derived:
          'Law rules citing the official text of the law itself: a statute, regulation or board rule from its publisher.',
      },
      {
        name: 'state_determined',
        type: 'integer',
        derived:
          'State-governed tasks (categories clinical, laboratory, imaging, specialized) that a state rule determines on the as-of date for one fixed profile: a CMA under direct supervision, delegated by a physician. The same measure as `ma-check states`.',
      },
      {
        name: 'state_governed',
        type: 'integer',
        derived: 'How many state-governed tasks that measure decides (its denominator).',
      },
    ],
  },
};
