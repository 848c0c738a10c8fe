import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { mapSvg } from '../../format/map-svg.js';
import { matrix } from '../../space/matrix.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../errors.js';
import { loadRuleSet } from '../load-rule-set.js';
import { collectList } from '../options.js';
import { ruleLocation } from '../rule-location.js';
import { addProfileOptions, resolveSpaceOptions, type SpaceCliOptions } from '../space-options.js';

interface MapCliOptions extends Omit<SpaceCliOptions, 'tasks' | 'states' | 'category'> {
  out?: string;
  rules?: string[];
}

/** `ma-check map <task>`: one task's verdict in every state as a tile-grid SVG, for reports and slides. */
export function registerMap(program: Command, context: CommandContext): void {
  const command = program
    .command('map')
    .description("draw one task's verdict in every state and DC as an accessible tile-grid SVG map")
    .argument('<task>', 'task id or alias');
  addProfileOptions(command)
    .option('--rules <dir>', 'add an organization policy overlay (repeatable)', collectList)
    .option('-o, --out <file>', 'write the SVG to this file (default: standard output)')
    .action((task: string, options: MapCliOptions) => mapAction(context, task, options));
}

async function mapAction(context: CommandContext, task: string, options: MapCliOptions): Promise<void> {
  const { io } = context;
  const { ruleSet } = await loadRuleSet(ruleLocation(context, options.rules));
  const space = resolveSpaceOptions(ruleSet, { ...options, tasks: [task] }, io.today());
  const svg = mapSvg(matrix(ruleSet, space));
  if (options.out === undefined) {
    io.out(svg);
    return;
  }
  const path = resolve(io.cwd, options.out);
  try {
    writeFileSync(path, svg);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(`--out '${options.out}': cannot write the map (${code})`);
  }
  io.err(`wrote ${options.out}: ${ruleSet.tasks.get(space.tasks![0]!)!.name}, 51 states\n`);
}
