import type { z } from 'zod';
import * as definitions from '../domain/schema/definitions.js';
import * as files from '../domain/schema/files.js';
import type { SourceKind } from './list-sources.js';

/** The zod schema each kind of rule file must satisfy. */
export const FILE_SCHEMAS: Readonly<Record<SourceKind, z.ZodType>> = {
  credentials: definitions.CredentialsFile,
  trainings: definitions.TrainingsFile,
  conditions: definitions.ConditionsFile,
  citations: definitions.CitationsFile,
  tags: definitions.TagsFile,
  roles: definitions.RolesFile,
  settings: definitions.SettingsFile,
  national: files.NationalFile,
  task: files.TaskFile,
  state: files.StateFile,
  overlay: files.OverlayFile,
  'overlay-rules': files.OverlayRulesFile,
};
