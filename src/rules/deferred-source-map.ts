import { parseYaml } from './parse-yaml.js';
import { readSource } from './read-source.js';
import { SourceMap } from './source-map.js';

/**
 * The source map of a file that already passed its own checks, kept for findings that come up
 * later (a reference into another file, a duplicate id): the file is read and parsed again only
 * when one of them must be located in it, so a rule set holds its data, not every file's node
 * tree. The file is read as it is then, the text a code frame shows; one that can no longer be
 * read or parsed locates everything at its first position.
 */
export const deferredSourceMap = (path: string, file: string): SourceMap =>
  SourceMap.deferred(() => {
    const read = readSource(path);
    if (!read.ok) return SourceMap.unlocated();
    const parsed = parseYaml(file, read.text);
    return parsed.diagnostics.length === 0 ? parsed.map : SourceMap.unlocated();
  });
