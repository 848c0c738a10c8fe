import type { TaskDef } from '../../domain/rule-set.js';
import type { Credential } from '../../domain/schema/definitions.js';
import { type ListingFormat, renderListing } from '../../format/listing.js';
import type { CommandContext } from '../context.js';
import { loadRuleSet } from '../load-rule-set.js';
import { ruleLocation } from '../rule-location.js';

/** What `ma-check tasks` does once its command line is parsed (shared by commander and the fast start). */
export async function tasksAction(context: CommandContext, options: { format: ListingFormat }): Promise<void> {
  const { ruleSet } = await loadRuleSet(ruleLocation(context));
  // Categories and task ids are lower-case kebab-case, where code-point order is the alphabetical
  // order localeCompare gave; comparing code points skips building ICU's collator (~10 ms of a
  // cold start) and keeps the listing the same under every locale.
  const byCodePoint = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const tasks = [...ruleSet.tasks.values()].sort(
    (a, b) => byCodePoint(a.category, b.category) || byCodePoint(a.id, b.id),
  );
  context.io.out(
    renderListing<TaskDef>(
      {
        key: 'tasks',
        items: tasks,
        columns: [
          { header: 'id', value: (t) => t.id },
          { header: 'category', value: (t) => t.category },
          { header: 'name', value: (t) => t.name },
          { header: 'aliases', value: (t) => t.aliases.join(', ') },
        ],
        json: (t) => ({
          id: t.id,
          name: t.name,
          category: t.category,
          tags: t.tags,
          aliases: t.aliases,
          description: t.description,
        }),
      },
      options.format,
    ),
  );
}

/** What `ma-check credentials` does once its command line is parsed. */
export async function credentialsAction(context: CommandContext, options: { format: ListingFormat }): Promise<void> {
  const { ruleSet } = await loadRuleSet(ruleLocation(context));
  const credentials = [...ruleSet.credentials.values()].sort(
    (a, b) => (a.jurisdiction ?? '').localeCompare(b.jurisdiction ?? '') || a.id.localeCompare(b.id),
  );
  context.io.out(
    renderListing<Credential>(
      {
        key: 'credentials',
        items: credentials,
        columns: [
          { header: 'id', value: (c) => c.id },
          { header: 'issuer', value: (c) => c.issuer },
          { header: 'scope', value: (c) => c.scope },
          { header: 'jurisdiction', value: (c) => c.jurisdiction ?? 'national' },
          { header: 'name', value: (c) => c.name },
        ],
        json: (c) => ({
          id: c.id,
          name: c.name,
          issuer: c.issuer,
          scope: c.scope,
          jurisdiction: c.jurisdiction ?? null,
          aliases: c.aliases ?? [],
          derived: c.derivedFrom !== undefined,
          cites: c.cites,
        }),
      },
      options.format,
    ),
  );
}
