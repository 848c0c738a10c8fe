import type { Conflict, Note } from './schema/common.js';
import type { Citation, Credential } from './schema/definitions.js';
import type { SupervisionDefinition } from './schema/files.js';
import type { CoverageLevel } from './vocabulary.js';

/** One state rule as `ma-check state XX` shows it. */
export interface ProfileRule {
  id: string;
  basis: string;
  confidence: string;
  summary: string;
  tasks: string[];
  verdict: string | null;
  unless: string[];
  requires: string[];
  effective: string | null;
  until: string | null;
  cites: string[];
}

/** A jurisdiction at a glance: who delegates, which credentials, its rules, sources and gaps. */
export interface StateProfile {
  code: string;
  name: string;
  coverage: CoverageLevel;
  reviewed: string | null;
  delegators: string[];
  /** The state's general delegation provision, a cited finding that it has none, or null (not researched into the rules). */
  delegation: {
    found: boolean;
    summary: string;
    delegators: string[];
    exclusive: boolean;
    confidence: string;
    cites: string[];
  } | null;
  /** Supervision terms the state's law defines, and the level each puts the supervisor at. */
  definitions: SupervisionDefinition[];
  credentials: Pick<Credential, 'id' | 'name' | 'issuer' | 'scope'>[];
  rules: ProfileRule[];
  notes: Note[];
  conflicts: Conflict[];
  citations: Citation[];
}
