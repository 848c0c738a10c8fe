import { type Command, Option } from 'commander';
import { SCHEMA_KINDS, type SchemaKind } from '../../domain/schema-kinds.js';
import type { CommandContext } from '../context.js';

/** `ma-check schema [--kind KIND]`: draft-07 JSON Schema generated from the zod schemas. */
export function registerSchema(program: Command, context: CommandContext): void {
  program
    .command('schema')
    .description('print the JSON Schema (draft-07) of a kind of rule file, for editors')
    .addOption(new Option('-k, --kind <kind>', 'which file kind').choices(SCHEMA_KINDS).default('task'))
    .action(async (options: { kind: SchemaKind }) => {
      const { jsonSchemaOf } = await import('../heavy.js');
      context.io.out(`${JSON.stringify(jsonSchemaOf(options.kind), null, 2)}\n`);
    });
}
