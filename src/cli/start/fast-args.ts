import { RESERVED_NAMES } from '../../rules/reserved-names.js';
import type { FastCommand } from './fast-commands.js';

/** A command line the fast start runs: the command, its operands and its options as commander would give them. */
export interface FastInvocation {
  command: FastCommand;
  operands: string[];
  options: Record<string, unknown>;
}

/**
 * A value taken as it is: commander would take an empty value, or one that looks like an option,
 * only to report it (or take `--cert --state` as a credential); both are left to it.
 */
const plainValue = (value: string | undefined): value is string =>
  value !== undefined && value.trim() !== '' && !value.startsWith('-');

/**
 * The command line as commander parses it, for the plain shapes a check or a look-up is typed in:
 * `[command] operands… --long value --long=value -s value --flag`, in any order. Anything else is
 * undefined and goes to commander, which parses, reports and exits as it always does: help and
 * version, another command, an unknown, repeated or bundled option (`-qf`), a missing, empty or
 * dash-led value, a value outside its choices, too many or too few operands. It never guesses.
 */
export function parseFastArgs(argv: readonly string[], commands: readonly FastCommand[]): FastInvocation | undefined {
  const first = argv[0];
  const named = commands.find((c) => c.name === first);
  // A command name the fast start does not run (`validate`, `help`…) is commander's; any other
  // first word is an operand of the default command, as in commander.
  if (named === undefined && first !== undefined && RESERVED_NAMES.includes(first)) return undefined;
  const command = named ?? commands.find((c) => c.isDefault);
  if (command === undefined) return undefined;
  const args = named ? argv.slice(1) : argv;

  const options: Record<string, unknown> = {};
  for (const option of command.options) if (option.default !== undefined) options[option.key] = option.default;
  const given = new Set<string>();
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    // Commander's test for an option: a dash and at least one more character.
    if (arg.length < 2 || arg[0] !== '-') {
      operands.push(arg);
      continue;
    }
    // `--long=value`: commander splits at the first '=' when a name comes before it.
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 2 ? arg.slice(0, eq) : arg;
    const option = command.options.find((o) => o.long === flag || o.short === flag);
    if (option === undefined) return undefined;
    if (option.takes === 'flag') {
      if (flag !== arg) return undefined;
      options[option.key] = true;
      continue;
    }
    const value = flag !== arg ? arg.slice(eq + 1) : args[++i];
    if (!plainValue(value)) return undefined;
    if (option.takes === 'list') {
      const items = value.split(',').map((item) => item.trim());
      if (items.includes('')) return undefined;
      options[option.key] = [...((options[option.key] as string[] | undefined) ?? []), ...items];
    } else {
      if (given.has(option.key) || (option.choices !== undefined && !option.choices.includes(value))) return undefined;
      given.add(option.key);
      options[option.key] = value;
    }
  }
  return operands.length === command.operands ? { command, operands, options } : undefined;
}
