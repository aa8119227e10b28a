// Code a platform compiles and runs (platformCodeSignals), and a package the caller names installed on the host
// (installedCodeSignals): both run code of the caller's choosing, each quoted where the definition says it.
import { describe, expect, it } from 'vitest';
import { installedCodeSignals, platformCodeSignals } from '../../../classifier/signals.ts';
import type { McpTool } from '../../../data/schema.ts';
import { labels, tool } from '../signal-helpers.ts';

const text = { type: 'string' };
const platformCode = (definition: McpTool) => labels(platformCodeSignals(definition));
const installed = (definition: McpTool) => labels(installedCodeSignals(definition));

describe('a parameter of code the platform compiles and runs (platformCodeSignals)', () => {
  const statements = { type: 'string', description: 'GDScript statements, compiled as a function body and run in the game.' };

  it('reads a top-level parameter of statements to run as code', () => {
    expect(platformCode(tool('run_in_game', 'Run a snippet in the running game.', { code: statements }))).toEqual(['execute:param-text:code-body:GDScript statements']);
  });

  it('counts a parameter with no declared type, as text', () => {
    expect(platformCode(tool('run_in_game', 'Run a snippet in the running game.', { code: { description: 'GDScript statements, compiled as a function body and run in the game.' } }))).toEqual(['execute:param-text:code-body:GDScript statements']);
  });

  it('does not count a code field nested in another parameter', () => {
    expect(platformCode(tool('run_in_game', 'Run a snippet in the running game.', { options: { type: 'object', properties: { code: statements } } }))).toEqual([]);
  });

  it('does not count a parameter that is not text, whatever its description says', () => {
    expect(platformCode(tool('upload_module', 'Upload a module to the server.', { source: { type: 'object', description: 'Source code of the module, one entry per file.' } }))).toEqual([]);
    expect(platformCode(tool('set_retries', 'Set how often a job is retried.', { code: { type: 'integer', description: 'Python code to run is retried this many times.' } }))).toEqual([]);
  });

  it('reads only a description given as text', () => {
    // a malformed schema whose description is a list of lines is not read as prose
    expect(platformCode(tool('run_in_game', 'Run a snippet in the running game.', { code: { type: 'string', description: ['GDScript statements, compiled as a function body.'] } }))).toEqual([]);
  });

  it('reads a name that writes a function to the platform with any of its verbs as a write of that function', () => {
    const body = { body: { type: 'string', description: 'Full body of the Apex trigger, compiled by Salesforce.' } };
    expect(platformCode(tool('write_apex_trigger', 'Save an Apex trigger.', body))).toEqual(['execute:param-text:code-body:body of the Apex trigger', 'write:platform-code:trigger:trigger']);
    // one writing verb of two is enough
    expect(platformCode(tool('validate_then_deploy_trigger', 'Check the Apex trigger compiles, then deploy it.', body))).toEqual(['execute:param-text:code-body:body of the Apex trigger', 'write:platform-code:trigger:trigger']);
    // two verbs joined by "or" or "and" act on the same object after them, not on each other
    expect(platformCode(tool('create_or_update_trigger', 'Create or update an Apex trigger.', body))).toEqual(['execute:param-text:code-body:body of the Apex trigger', 'write:platform-code:trigger:trigger']);
    expect(platformCode(tool('get_or_create_trigger', 'Return the Apex trigger, creating it if missing.', body))).toEqual(['execute:param-text:code-body:body of the Apex trigger', 'write:platform-code:trigger:trigger']);
    // a name that only reads it runs the code, and writes nothing
    expect(platformCode(tool('get_trigger', 'Return the Apex trigger.', body))).toEqual(['execute:param-text:code-body:body of the Apex trigger']);
    // nor does a name with no verb at all, which only names the kind of code
    const classBody = { body: { type: 'string', description: 'Full body of the Apex class, compiled by Salesforce.' } };
    expect(platformCode(tool('apex_class', 'An Apex class of the org.', classBody))).toEqual(['execute:param-text:code-body:body of the Apex class']);
  });
});

describe('installing a package the caller names (installedCodeSignals)', () => {
  it('reads a name that starts with install, with the source in the description', () => {
    expect(installed(tool('install_package', 'Adds a package from PyPI to the virtual environment.', { package: text }))).toEqual(['execute:param-text:installs-named-package:PyPI']);
  });

  it('reads a name that ends with install, the package manager being the name’s first word', () => {
    const signals = installedCodeSignals(tool('pip_install', 'Adds a package to the virtual environment.', { package: text }));
    // the description names no source: the quote is the parameter that names the package
    expect(signals).toEqual([{ family: 'parameter', effect: 'execute', label: 'param-text:installs-named-package', weight: 0, where: 'inputSchema.properties.package', text: 'package' }]);
    expect(labels(installedCodeSignals(tool('npm_install', 'Adds a dependency to the project.', { name: text })))).toEqual(['execute:param-text:installs-named-package:name']);
  });

  it('does not read "install" inside a longer word of the name', () => {
    expect(installed(tool('uninstall_package', 'Removes a package from the virtual environment, as pip does.', { package: text }))).toEqual([]);
    expect(installed(tool('get_installed_packages', 'Lists what pip has put in the virtual environment.', { package: text }))).toEqual([]);
  });

  it('reads a description that opens with install, in any form and after markup', () => {
    expect(installed(tool('add_dependency', 'Install a package from npm into the project.', { package: text }))).toEqual(['execute:param-text:installs-named-package:npm']);
    expect(installed(tool('add_dependency', '**Installs** a package from npm into the project.', { package: text }))).toEqual(['execute:param-text:installs-named-package:npm']);
    expect(installed(tool('add_dependency', 'Installing a package from npm into the project.', { package: text }))).toEqual(['execute:param-text:installs-named-package:npm']);
  });

  it('does not read a description whose first word only ends in install', () => {
    expect(installed(tool('add_dependency', 'Reinstalls a package from npm into the project.', { package: text }))).toEqual([]);
  });

  it('reads a list of packages to install', () => {
    expect(installed(tool('pip_install', 'Adds the given packages to the virtual environment.', { packages: { type: 'array', items: text } }))).toEqual(['execute:param-text:installs-named-package:packages']);
  });

  it('needs a parameter that names the package: a version alone is not one', () => {
    expect(installed(tool('pip_install', 'Adds a package to the virtual environment.', { version: text }))).toEqual([]);
    // the package is the parameter named for it, not the first one
    expect(installed(tool('pip_install', 'Adds a package to the virtual environment.', { version: text, package: text }))).toEqual(['execute:param-text:installs-named-package:package']);
  });

  it('takes only a text or a list as the package named, not a switch that shares a package field’s name', () => {
    const fromSource = { type: 'boolean', description: 'Build the package from source rather than a wheel.' };
    expect(installed(tool('pip_install', 'Adds a package to the virtual environment.', { source: fromSource, package: text }))).toEqual(['execute:param-text:installs-named-package:package']);
    expect(installed(tool('pip_install', 'Adds a package to the virtual environment.', { source: fromSource }))).toEqual([]);
  });
});

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
