// Tests written for the mutants StrykerJS left alive in classifier/signals.ts lines 1734-1819 on rules-129 (seventeenth
// session): platformCodeSignals and installedCodeSignals as whole signals, each quoted where it is said.
import { describe, expect, it } from 'vitest';
import { installedCodeSignals, platformCodeSignals } from '../../classifier/signals.ts';
import { tool } from './class-helpers.ts';

describe('code a platform compiles and runs', () => {
  it('is quoted from the body parameter\'s description, and the code unit written from the name', () => {
    expect(platformCodeSignals(tool('write_apex_trigger', 'Writes an Apex trigger.', { body: { type: 'string', description: 'Full body of the Apex trigger: Apex statements to run.' } }))).toEqual([
      { family: 'parameter', effect: 'execute', label: 'param-text:code-body', weight: 0, where: 'inputSchema.properties.body.description', text: 'body of the Apex trigger' },
      { family: 'name', effect: 'write', label: 'platform-code:trigger', weight: 0, where: 'name', text: 'trigger' },
    ]);
  });
});

describe('a package installed from a registry', () => {
  it('is quoted from the description when it names the source, else from the parameter', () => {
    expect(installedCodeSignals(tool('install_server', 'Install an MCP server via npx.', { package: { type: 'string' } }))).toEqual([
      { family: 'description', effect: 'execute', label: 'param-text:installs-named-package', weight: 0, where: 'description', text: 'MCP server' },
    ]);
    expect(installedCodeSignals(tool('npm_install', 'Installs it.', { package: { type: 'string' } }))).toEqual([
      { family: 'parameter', effect: 'execute', label: 'param-text:installs-named-package', weight: 0, where: 'inputSchema.properties.package', text: 'package' },
    ]);
  });
});
