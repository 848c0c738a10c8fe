import { z } from 'zod';
import { EXPLICIT_VERDICTS, VERDICTS } from '../verdict.js';
import { CATEGORIES as CATEGORY_LIST, CREDENTIAL_SCOPES } from '../vocabulary.js';

export const CATEGORIES = z.enum(CATEGORY_LIST);
export const SCOPES = z.enum(CREDENTIAL_SCOPES);
export const VERDICT_SCHEMA = z.enum(VERDICTS);
export const EXPLICIT_VERDICTS_SCHEMA = z.enum(EXPLICIT_VERDICTS);
