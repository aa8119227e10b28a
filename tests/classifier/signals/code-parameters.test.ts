// Which parameters take code to run, and which only look like it: a command picked from a fixed list, a sub-command of a
// router tool, a math or cron expression, `code` as an identifier, a code word on a switch.
import { describe, expect, it } from 'vitest';
import { parameterSignals, type ServerTraits } from '../../../classifier/signals.ts';
import type { McpTool } from '../../../data/schema.ts';
import { labels, PLAIN, tool } from '../signal-helpers.ts';

const parameters = (t: McpTool) => labels(parameterSignals(t, PLAIN));
const params = (name: string, description: string, properties: Record<string, unknown>, traits: ServerTraits = PLAIN) => labels(parameterSignals(tool(name, description, properties), traits));
/** Every signal of the tool's parameters as `family effect label weight where text`. */
const signalsOf = (name: string, description: string, properties: Record<string, unknown>, traits: ServerTraits = PLAIN) =>
  parameterSignals({ name, description, inputSchema: { type: 'object', properties } }, traits).map(
    (s) => `${s.family} ${s.effect} ${s.label} ${s.weight} ${s.where} ${s.text}`,
  );

describe('a command chosen from a fixed list', () => {
  it('does not read a command picked from an enum as code to run', () => {
    expect(parameters(tool('inspect_file', 'Inspects a file.', { cmd: { type: 'string', enum: ['ls', 'cat', 'stat'] } }))).toEqual([]);
  });

  it('reads a command with an empty enum as free text: nothing is offered to choose from', () => {
    expect(parameters(tool('run', 'Runs it.', { cmd: { type: 'string', enum: [] } }))).toEqual(['execute:param:cmd:cmd']);
  });
});

describe('`code` at the end of a name', () => {
  it('reads `code` after another word as a kind of code (an identifier), while a code word before it still counts', () => {
    expect(parameters(tool('set_region', 'Sets the region.', { country_code: { type: 'string' } }))).toEqual([]);
    expect(parameters(tool('run_in_page', 'Runs it in the open page.', { javascript_code: { type: 'string' } }))).toEqual(['execute:param:javascript:javascript_code']);
  });

  it('reads `code` alone as code to run', () => {
    expect(parameters(tool('run_snippet', 'Runs it.', { code: { type: 'string' } }))).toEqual(['execute:param:code:code']);
  });

  it('reads `code` alone as code to run only where the definition says it is: a verb of running near a word for code, or a language', () => {
    // (a coupon, a discount, an airport: the code is a value to look up)
    expect(parameters(tool('crm_getCoupon', 'Fetch Coupon', { code: { type: 'string' }, locationId: { type: 'string' } }))).toEqual([]);
    expect(parameters(tool('list_discounts', "This tool will list discounts in the account's catalog.", { code: { type: 'array', items: { type: 'string' }, description: 'Return entities that match the discount codes given.' } }))).toEqual([]);
    expect(parameters(tool('get_airport_info_light', 'Returns airport name, ICAO and IATA codes.', { code: { type: 'string', description: 'Airport ICAO or IATA code.' } }))).toEqual([]);
    // (said by the tool, by the parameter, or by the language)
    expect(parameters(tool('evaluate', 'Evaluates the given code in the page and returns the result.', { code: { type: 'string' } }))).toEqual(['execute:param:code:code']);
    expect(parameters(tool('sandbox', 'A sandbox.', { code: { type: 'string', description: 'The code to execute.' } }))).toEqual(['execute:param:code:code', 'execute:param-text:runs-code:code to execute']);
    expect(parameters(tool('notebook_cell', 'Adds a cell to a notebook.', { code: { type: 'string', description: 'Python source of the cell.' } }))).toEqual(['execute:param:code:code']);
  });
});

describe('the type of a parameter that takes code', () => {
  it('reads a command whose type allows a string (`["string", "null"]`) as code to run', () => {
    expect(parameters(tool('run', 'Runs it.', { command: { type: ['string', 'null'] } }))).toEqual(['execute:param:command:command']);
  });

  it('does not read a code word on a switch as code, nullable or not (`shell: true` runs through a shell)', () => {
    expect(parameters(tool('spawn', 'Starts a process.', { shell: { type: ['boolean', 'null'] } }))).toEqual([]);
    expect(parameters(tool('spawn', 'Starts a process.', { shell: { type: 'boolean' } }))).toEqual([]);
  });
});

describe('expressions computed, not run (math and cron expressions)', () => {
  it('reads an expression whose name says it is math as computed, not code', () => {
    expect(params('calculate', 'Evaluates arithmetic.', { math_expression: { type: 'string' } })).toEqual([]);
    expect(params('schedule_job', '', { expression: { type: 'string', description: 'Cron expression (5 fields)' } })).toEqual([]);
  });

  it('still reads an expression that is not qualified as math as code to run', () => {
    expect(params('evaluate', '', { expression: { type: 'string' } })).toEqual(['execute:param:expression:expression']);
  });

  it('leaves the other parameters alone when a description mentions a math expression', () => {
    // a shell command stays a shell command even when the text sends math elsewhere
    expect(params('run', '', { command: { type: 'string', description: 'Shell command to run; math expressions go to the calc tool' } })).toEqual(['execute:param:command:command']);
    expect(params('calculate', '', { webhook: { type: 'string', description: 'Webhook called with the value of the math expression' } })).toEqual(['openWorld:param:webhook:webhook']);
  });
});

describe('a command that names a sub-command of a router tool', () => {
  it('does not read `command` or `commands` picking the tool’s sub-commands as shell commands', () => {
    expect(params('git', '', { command: { type: 'string', description: 'The git subcommand to run' } })).toEqual([]);
    expect(params('git', '', { commands: { type: 'array', items: { type: 'string' }, description: 'Subcommands to run in order' } })).toEqual([]);
  });

  it('still reads commands described otherwise as commands to run', () => {
    expect(params('ssh_exec', '', { commands: { type: 'array', items: { type: 'string' }, description: 'Lines to type into the remote host' } })).toEqual(['execute:param:commands:commands']);
  });

  it('leaves other parameters alone even when their text mentions a sub-command', () => {
    expect(params('git', '', { webhook: { type: 'string', description: 'Webhook notified when the subcommand finishes' } })).toEqual(['openWorld:param:webhook:webhook']);
  });
});

describe('code in a parameter description', () => {
  it('runs, unless the value is one of a fixed list of commands', () => {
    expect(signalsOf('shell', 'Runs.', {
      cmd: { type: 'string', enum: ['ls', 'cat'], description: 'Shell command to run' },
      input: { type: 'string', description: 'Shell command to run first' },
    })).toEqual(['parameter execute param-text:runs-code 1.5 inputSchema.properties.input.description Shell command']);
  });

  it('is JavaScript run in a page when the name itself does not already say code', () => {
    expect(signalsOf('browser', 'Browser.', {
      source: { type: 'string', description: 'JavaScript to run in the page' },
      script: { type: 'string', description: 'JavaScript to run in the page' },
    })).toEqual([
      'parameter execute param-text:javascript 1.5 inputSchema.properties.source.description JavaScript',
      'parameter execute param:script 2 inputSchema.properties.script script',
    ]);
  });
});
