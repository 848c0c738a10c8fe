import type { SupervisionDefinition } from '../domain/schema/files.js';
import type { Requirement } from '../domain/schema/requirement.js';
import type { SelectingRule } from '../domain/schema/rule.js';

/** Every supervision atom in a list of requirements that names a defined term, with its data path. */
export function supervisionTerms(
  reqs: readonly Requirement[] | undefined,
  path: (string | number)[],
): { term: string; atLeast: string; path: (string | number)[] }[] {
  return (reqs ?? []).flatMap((req, i) => {
    const here = [...path, i];
    if (req.supervision?.term)
      return [{ term: req.supervision.term, atLeast: req.supervision.atLeast, path: [...here, 'supervision'] }];
    return [...supervisionTerms(req.anyOf, [...here, 'anyOf']), ...supervisionTerms(req.allOf, [...here, 'allOf'])];
  });
}

/**
 * A state rule with the sources of the supervision definitions it relies on, kept apart from the
 * sources it was written with (`definitionCites`): decisions show both, so an answer that turns on
 * the level shows where it comes from, while checks and source statistics read only what the rule's
 * author cited.
 */
export function withDefinitionSources<R extends SelectingRule>(
  rule: R,
  definitions: readonly SupervisionDefinition[] | undefined,
): R & { definitionCites?: string[] } {
  if (!definitions?.length) return rule;
  const used = [...supervisionTerms(rule.requires, []), ...supervisionTerms(rule.unless, [])].map((t) => t.term);
  const extra = [...new Set(definitions.filter((d) => used.includes(d.id)).flatMap((d) => d.cites))].filter(
    (id) => !rule.cites.includes(id),
  );
  return extra.length === 0 ? rule : { ...rule, definitionCites: extra };
}
