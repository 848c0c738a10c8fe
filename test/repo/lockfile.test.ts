import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO } from '../helpers/paths.js';

interface LockedPackage {
  os?: string[];
  cpu?: string[];
  optional?: boolean;
  dev?: boolean;
}

const lock = JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockedPackage>;
};

/** Packages that `npm ci` must install everywhere but that only some platforms can. */
const platformBound = (packages: Record<string, LockedPackage>): string[] =>
  Object.entries(packages)
    .filter(([path, p]) => path !== '' && !p.optional && (p.os !== undefined || p.cpu !== undefined))
    .map(([path, p]) => `${path} (os: ${p.os?.join(',') ?? 'any'}, cpu: ${p.cpu?.join(',') ?? 'any'})`);

describe('lockfile', () => {
  test('no required package is restricted to some platforms, so npm ci works on Linux, macOS and Windows', () => {
    expect(platformBound(lock.packages)).toEqual([]);
  });

  test('the check sees a required Linux-only package', () => {
    const planted = {
      'node_modules/tool-linux': { os: ['linux'], dev: true },
      'node_modules/ok': { optional: true, os: ['darwin'] },
    };
    expect(platformBound(planted)).toEqual(['node_modules/tool-linux (os: linux, cpu: any)']);
  });
});
