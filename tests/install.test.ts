// The install is quiet on the Node version the project runs on: no package in the lock file asks for
// a Node this one does not satisfy (npm would warn EBADENGINE), and every dependency with an install
// script has been decided on in package.json's allowScripts (npm 11 warns about the rest).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; engines?: { node?: string } | string[]; hasInstallScript?: boolean; optional?: boolean; dev?: boolean }> };
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string }; allowScripts?: Record<string, boolean> };

describe('npm install on this Node', () => {
  const installed = Object.entries(lock.packages).filter(([path]) => path.startsWith('node_modules/'));

  it('finds no package that needs a newer Node than the one the project declares', () => {
    expect(installed.length).toBeGreaterThan(100);
    const lowest = semver.minVersion(pkg.engines.node)!.version;
    const unsupported = installed
      .filter(([, entry]) => entry.engines && !Array.isArray(entry.engines) && entry.engines.node)
      .filter(([, entry]) => !semver.satisfies(process.version, (entry.engines as { node: string }).node, { includePrerelease: true }) || !semver.satisfies(lowest, (entry.engines as { node: string }).node, { includePrerelease: true }) && !entry.optional)
      .map(([path, entry]) => `${path.replace(/^.*node_modules\//, '')}@${entry.version} needs node ${(entry.engines as { node: string }).node}`);
    expect(unsupported).toEqual([]);
  });

  it('has decided on every install script (allowScripts), so npm lists none as pending', () => {
    const allowed = pkg.allowScripts ?? {};
    const pending = installed.filter(([, entry]) => entry.hasInstallScript && !entry.optional).map(([path]) => path.replace(/^.*node_modules\//, '')).filter((name) => !(Object.hasOwn(allowed, name)));
    expect(pending).toEqual([]);
  });
});
