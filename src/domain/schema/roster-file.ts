import { z } from 'zod';

const text = z.union([z.string(), z.number()]);
/** A list field: `;`-separated text or a JSON list; `none` or `[]` is none; null or absent is unknown. */
const list = z.union([z.string(), z.array(z.string())]).nullable();
const one = z.string().nullable();

/**
 * A JSON (or NDJSON) roster as the audit reads it: one object per staff member. Keys are matched
 * without regard to case, spaces, dashes and underscores; other keys are ignored. For editors only:
 * the audit reads rosters itself, so it can report every bad row at its line and go on.
 */
const RosterRecord = z.looseObject({
  // Optional here only because a key may be spelled `StaffId` or `staff-id`; the audit requires one.
  staff_id: text.optional(),
  name: one.optional(),
  state: list.optional(),
  credentials: list.optional(),
  trainings: list.optional(),
  supervision: one.optional(),
  delegator: one.optional(),
  setting: one.optional(),
  tasks: list.optional(),
});

export const RosterFile = z.array(RosterRecord);

/** `--assignments`: which staff member is assigned which task. */
export const AssignmentsFile = z.array(z.looseObject({ staff_id: text, task: z.string() }));
