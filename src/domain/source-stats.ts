import type { CitationSource, CoverageLevel } from './vocabulary.js';

/** The one profile the data report decides every state-governed task for: a CMA under a physician's direct supervision. */
export const FIXED_PROFILE = { credentials: ['CMA'], supervision: 'direct', delegator: 'physician' } as const;

/** How well one jurisdiction's rules are sourced, and how much of it they decide. */
export interface SourceStats {
  code: string;
  name: string;
  coverage: CoverageLevel;
  /** Citations the state's rules, delegation, definitions, notes and conflicts use, by kind of source. */
  citations: Record<CitationSource, number>;
  /** Law-basis rules of the state (the delegation rule among them). */
  lawRules: number;
  /** Law rules citing at least one official source (the law's publisher or the board itself). */
  lawRulesOfficial: number;
  /** Law rules citing the official text of the law itself: a statute, regulation or board rule from its publisher. */
  lawRulesOfficialText: number;
  /** Law rules whose every citation is commentary. */
  lawRulesCommentaryOnly: string[];
  /** `provision`, `none` (a cited finding that there is none) or `missing` (not researched into the rules). */
  delegation: 'provision' | 'none' | 'missing';
  /** State-governed tasks (clinical, laboratory, imaging, specialized) that a state rule determines for the fixed profile. */
  stateDetermined: number;
  stateGoverned: number;
  /** The distinct days on which the state's citations and rules were last read, oldest first. */
  reviewDays: string[];
}

/** The data report: every jurisdiction, and the figures over all of them. */
export interface DataReport {
  asOf: string;
  profile: typeof FIXED_PROFILE;
  states: SourceStats[];
  overall: {
    /** Every citation of the rule set, counted once, by kind of source. */
    citations: Record<CitationSource, number>;
    lawRules: number;
    lawRulesOfficial: number;
    lawRulesOfficialText: number;
    lawRulesCommentaryOnly: string[];
    delegation: Record<SourceStats['delegation'], number>;
    stateDetermined: number;
    stateGoverned: number;
    /** How many citations and rules were last read on each day, oldest day first. */
    reviewDays: Record<string, number>;
  };
}
