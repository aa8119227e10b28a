// checkListedTools, repairTool and quoteForMessage (crawler/tools.ts), case by case in the test process: the crawl,
// inspect and classify tests reach them only through child processes (a server over stdio, the CLI), so a mutation run
// saw none of it. Each case is one promise a snapshot's reader relies on: which tools are kept, what invalidTools
// records, and the words of each warning.
import { validateToolName } from '@modelcontextprotocol/sdk/shared/toolNameValidation.js';
import { describe, expect, it } from 'vitest';
import { boundJson, MAX_DEFINITION_DEPTH } from '../../crawler/bounded.ts';
import { toolFingerprint } from '../../crawler/fingerprint.ts';
import { checkListedTools, quoteForMessage, repairTool } from '../../crawler/tools.ts';

/** An object nested `levels` deep under `key`. */
const nested = (levels: number, key = 'items'): unknown => {
  let value: unknown = { type: 'string' };
  for (let i = 0; i < levels; i++) value = { [key]: value };
  return value;
};
const valid = (name: string, description = `${name} does one thing.`) => ({ name, description, inputSchema: { type: 'object' as const } });

describe('quoteForMessage', () => {
  it('quotes a name and escapes control characters, so a message stays one line', () => {
    expect(quoteForMessage('read_file')).toBe('"read_file"');
    expect(quoteForMessage('a\nb\u001b[2J"c"')).toBe('"a\\nb\\u001b[2J\\"c\\""');
  });

  it('cuts past 80 characters by default, with an ellipsis, and not a character sooner', () => {
    expect(quoteForMessage('x'.repeat(80))).toBe(`"${'x'.repeat(80)}"`);
    expect(quoteForMessage('x'.repeat(81))).toBe(`"${'x'.repeat(80)}…"`);
    expect(quoteForMessage('abcdef', 3)).toBe('"abc…"');
    expect(quoteForMessage('abc', 3)).toBe('"abc"');
  });
});

describe('repairTool', () => {
  it('gives nothing for a definition without a usable name', () => {
    for (const raw of [null, undefined, 'search', 42, ['search'], {}, { name: '' }, { name: 42, inputSchema: { type: 'object' } }]) {
      expect(repairTool(raw)).toBeUndefined();
    }
  });

  it('makes an object schema where the schema is missing, not an object, or a schema of another type', () => {
    const object = { type: 'object' };
    expect(repairTool({ name: 'a' })).toEqual({ name: 'a', inputSchema: object });
    expect(repairTool({ name: 'a', inputSchema: null })).toEqual({ name: 'a', inputSchema: object });
    expect(repairTool({ name: 'a', inputSchema: 'text' })).toEqual({ name: 'a', inputSchema: object });
    expect(repairTool({ name: 'a', inputSchema: ['x'] })).toEqual({ name: 'a', inputSchema: object });
    // a string schema's properties describe no arguments: they are not kept
    expect(repairTool({ name: 'a', inputSchema: { type: 'string', properties: { path: { type: 'string' } } } })).toEqual({ name: 'a', inputSchema: object });
  });

  it('keeps the properties of a schema that is an object schema in all but its type, or whose fault is elsewhere', () => {
    const properties = { path: { type: 'string' } };
    expect(repairTool({ name: 'read', inputSchema: { properties, required: ['path'] } })).toEqual({ name: 'read', inputSchema: { type: 'object', properties, required: ['path'] } });
    expect(repairTool({ name: 'read', description: 42, inputSchema: { type: 'object', properties } })).toEqual({ name: 'read', inputSchema: { type: 'object', properties } });
  });

  it('keeps a string title and description and drops ones that are not strings', () => {
    expect(repairTool({ name: 'read', title: 'Read', description: 'Reads a file.', inputSchema: 5 })).toEqual({ name: 'read', title: 'Read', description: 'Reads a file.', inputSchema: { type: 'object' } });
    expect(repairTool({ name: 'read', title: 7, description: ['Reads'] })).toEqual({ name: 'read', inputSchema: { type: 'object' } });
  });

  it('keeps a valid output schema and drops one that is not an object schema', () => {
    const outputSchema = { type: 'object', properties: { text: { type: 'string' } } };
    expect(repairTool({ name: 'read', outputSchema })).toEqual({ name: 'read', inputSchema: { type: 'object' }, outputSchema });
    expect(repairTool({ name: 'read', outputSchema: { type: 'string' } })).toEqual({ name: 'read', inputSchema: { type: 'object' } });
    expect(repairTool({ name: 'read', outputSchema: 'text' })).toEqual({ name: 'read', inputSchema: { type: 'object' } });
  });

  it('keeps the annotations that are valid (a string title, boolean hints) and drops the rest', () => {
    expect(repairTool({ name: 'read', annotations: { title: 'Reader', readOnlyHint: true, destructiveHint: 'no', custom: 1 } })?.annotations).toEqual({ title: 'Reader', readOnlyHint: true });
    // a title that is not a string costs only the title
    expect(repairTool({ name: 'read', annotations: { title: 42, openWorldHint: false } })?.annotations).toEqual({ openWorldHint: false });
    const noAnnotations = repairTool({ name: 'read', annotations: 'read only' });
    expect(noAnnotations).toEqual({ name: 'read', inputSchema: { type: 'object' } });
  });

  it('keeps _meta when it is an object and drops it otherwise', () => {
    expect(repairTool({ name: 'read', inputSchema: 1, _meta: { version: '2' } })).toEqual({ name: 'read', inputSchema: { type: 'object' }, _meta: { version: '2' } });
    expect(repairTool({ name: 'read', _meta: 'v2' })).toEqual({ name: 'read', inputSchema: { type: 'object' } });
    expect(repairTool({ name: 'read', _meta: ['v2'] })).toEqual({ name: 'read', inputSchema: { type: 'object' } });
  });
});

describe('checkListedTools', () => {
  it('keeps valid tools in listing order, each with its fingerprint, and warns of nothing', () => {
    const listed = [valid('search'), valid('fetch')];
    const checked = checkListedTools(listed);
    expect(checked.tools).toEqual(listed);
    expect([...checked.fingerprints]).toEqual(listed.map((tool) => [tool.name, toolFingerprint(tool)]));
    expect(checked.invalidTools).toEqual([]);
    expect(checked.warnings).toEqual([]);
  });

  it('a tool listed twice keeps the first definition and warns', () => {
    const checked = checkListedTools([valid('search', 'First.'), valid('fetch'), valid('search', 'Second.')]);
    expect(checked.tools.map((tool) => [tool.name, tool.description])).toEqual([['search', 'First.'], ['fetch', 'fetch does one thing.']]);
    expect(checked.fingerprints.get('search')).toBe(toolFingerprint(valid('search', 'First.')));
    expect(checked.invalidTools).toEqual([]);
    expect(checked.warnings).toEqual([{ code: 'duplicate-tool', tool: 'search', message: 'tool name "search" is listed more than once; only the first definition is kept' }]);
  });

  it('keeps a tool whose name is outside the spec\'s format, and warns with every reason the SDK gives', () => {
    const checked = checkListedTools([valid('get weather')]);
    expect(checked.tools.map((tool) => tool.name)).toEqual(['get weather']);
    const reasons = validateToolName('get weather').warnings;
    // (spaces, the character that is not allowed, and what is allowed: each reason in the message, in order)
    expect(reasons.length).toBeGreaterThan(1);
    expect(checked.warnings).toEqual([{ code: 'tool-name', tool: 'get weather', message: `tool name "get weather" is outside the MCP spec's tool-name format: ${reasons.join('; ')}` }]);
  });

  it('keeps a named invalid definition repaired, and records it with its position, problems and definition as listed', () => {
    const bad = { name: 'bad\u001bschema', description: 'Bad.', inputSchema: { type: 'string' } };
    const checked = checkListedTools([valid('search'), bad]);
    const repaired = { name: 'bad\u001bschema', description: 'Bad.', inputSchema: { type: 'object' as const } };
    expect(checked.tools).toEqual([valid('search'), repaired]);
    expect(checked.fingerprints.get('bad\u001bschema')).toBe(toolFingerprint(repaired));
    expect(checked.invalidTools).toHaveLength(1);
    const [record] = checked.invalidTools;
    expect(record).toEqual({ index: 1, name: 'bad\u001bschema', problems: [expect.stringMatching(/^inputSchema\.type: /)], repaired: true, definition: JSON.stringify(bad) });
    expect(checked.warnings).toEqual([
      {
        code: 'invalid-tool',
        tool: 'bad\u001bschema',
        message: `tool #2 "bad\\u001bschema" is not a valid MCP tool definition; kept with its malformed parts repaired, and classified from what it has: ${record!.problems[0]}`,
      },
    ]);
  });

  it('names at most three problems in the warning, separated by semicolons, and records them all', () => {
    const checked = checkListedTools([{ name: 'many', title: 1, description: 2, inputSchema: 3, annotations: 4, _meta: 5 }]);
    const problems = checked.invalidTools[0]!.problems;
    expect(problems.map((problem) => problem.split(':')[0])).toEqual(['title', 'description', 'inputSchema', 'annotations', '_meta']);
    expect(checked.warnings[0]!.message).toBe(`tool #1 "many" is not a valid MCP tool definition; kept with its malformed parts repaired, and classified from what it has: ${problems.slice(0, 3).join('; ')}`);
    expect(checked.tools.map((tool) => tool.name)).toEqual(['many']);
  });

  it('records a definition without a name by its position only, and does not keep it', () => {
    const nameless = { description: 'No name.', inputSchema: { type: 'object' } };
    const checked = checkListedTools([valid('search'), valid('fetch'), nameless]);
    expect(checked.tools.map((tool) => tool.name)).toEqual(['search', 'fetch']);
    expect(checked.invalidTools).toEqual([{ index: 2, name: undefined, problems: [expect.stringMatching(/^name: /)], definition: JSON.stringify(nameless) }]);
    expect('repaired' in checked.invalidTools[0]!).toBe(false);
    expect(checked.warnings).toEqual([{ code: 'invalid-tool', tool: undefined, message: `tool #3 is not a valid MCP tool definition and was not kept: ${checked.invalidTools[0]!.problems[0]}` }]);
  });

  it('does not take a name that is not a string as the tool\'s name', () => {
    const checked = checkListedTools([{ name: 42, inputSchema: { type: 'object' } }]);
    expect(checked.invalidTools.map((tool) => tool.name)).toEqual([undefined]);
    expect(checked.warnings.map((warning) => warning.tool)).toEqual([undefined]);
    expect(checked.warnings[0]!.message).toMatch(/^tool #1 is not a valid MCP tool definition and was not kept: name: /);
  });

  it('records entries that are not objects at all under (tool), each as JSON writes it', () => {
    const checked = checkListedTools([null, 'just text', undefined, valid('search')]);
    expect(checked.tools.map((tool) => tool.name)).toEqual(['search']);
    expect(checked.invalidTools.map((tool) => [tool.index, tool.name, tool.definition])).toEqual([
      [0, undefined, 'null'],
      [1, undefined, '"just text"'],
      [2, undefined, 'undefined'],
    ]);
    for (const tool of checked.invalidTools) expect(tool.problems).toEqual([expect.stringMatching(/^\(tool\): /)]);
    expect(checked.warnings.map((warning) => warning.message.split(' is not')[0])).toEqual(['tool #1', 'tool #2', 'tool #3']);
  });

  it('records a definition JSON cannot write (a BigInt from an in-process caller) as String writes it, and still repairs it', () => {
    const checked = checkListedTools([{ name: 'big', description: BigInt(10), inputSchema: { type: 'object' } }]);
    expect(checked.invalidTools).toEqual([{ index: 0, name: 'big', problems: [expect.stringMatching(/^description: /)], repaired: true, definition: '[object Object]' }]);
    expect(checked.tools).toEqual([{ name: 'big', inputSchema: { type: 'object' } }]);
  });

  it('records a repaired definition whose fingerprint cannot be taken once, as not kept, and keeps the next tool', () => {
    // (the repair keeps a schema JSON cannot write, so fingerprinting it throws: one record, one warning, nothing kept)
    const checked = checkListedTools([{ name: 'big', description: 5, inputSchema: { type: 'object', default: BigInt(1) } }, valid('search')]);
    expect(checked.tools.map((tool) => tool.name)).toEqual(['search']);
    expect(checked.invalidTools.map((tool) => [tool.index, tool.name, tool.repaired])).toEqual([[0, 'big', undefined]]);
    expect(checked.invalidTools[0]!.problems).toEqual([expect.stringMatching(/^could not be read: .*BigInt/)]);
    expect(checked.warnings.map((warning) => warning.message)).toEqual([expect.stringMatching(/^tool #1 "big" could not be read: .*; it was not kept$/)]);
  });

  it('cuts the recorded definition at 64 KiB, and keeps the repaired tool whole', () => {
    const huge = { name: 'huge', description: 'd'.repeat(70_000), inputSchema: { type: 'string' } };
    const checked = checkListedTools([huge]);
    const { definition } = checked.invalidTools[0]!;
    expect(definition).toHaveLength(64 * 1024);
    expect(JSON.stringify(huge).startsWith(definition)).toBe(true);
    expect(checked.tools[0]!.description).toHaveLength(70_000);
  });

  it('keeps a definition deeper than the bound as cut, with the cut as its problem and warning', () => {
    const deep = { name: 'deep_config', inputSchema: { type: 'object', properties: { config: nested(MAX_DEFINITION_DEPTH + 10) } } };
    const cut = `inputSchema: nested deeper than ${MAX_DEFINITION_DEPTH} levels; read to that depth`;
    const read = boundJson(deep).value;
    const checked = checkListedTools([valid('search'), deep]);
    expect(checked.tools).toEqual([valid('search'), read]);
    expect(checked.invalidTools).toEqual([{ index: 1, name: 'deep_config', problems: [cut], repaired: true, definition: JSON.stringify(read) }]);
    expect(checked.warnings).toEqual([{ code: 'invalid-tool', tool: 'deep_config', message: `tool #2 "deep_config" is larger than a definition may be (${cut}); kept as cut, and classified from what was read` }]);
  });

  it('says every limit a cut definition hit, and does not keep one that is not a tool once cut', () => {
    // properties come after enum, so the walk (a stack) reads them first and meets the depth limit before the value limit
    const nameless = { inputSchema: { type: 'object', enum: new Array(100_001).fill(0), properties: { config: nested(MAX_DEFINITION_DEPTH + 10) } } };
    const cuts = [`inputSchema: nested deeper than ${MAX_DEFINITION_DEPTH} levels; read to that depth`, 'inputSchema: more than 100,000 values; read up to that many'];
    const checked = checkListedTools([nameless]);
    expect(checked.tools).toEqual([]);
    expect(checked.invalidTools.map((tool) => [tool.index, tool.name, tool.problems, tool.repaired])).toEqual([[0, undefined, cuts, undefined]]);
    expect(checked.warnings).toEqual([{ code: 'invalid-tool', tool: undefined, message: `tool #1 is larger than a definition may be (${cuts.join('; ')}), and what was read is not a tool; it was not kept` }]);
  });

  it('records an invalid definition that repeats a kept name, and keeps the first', () => {
    const checked = checkListedTools([valid('search'), { name: 'search', inputSchema: { type: 'array' } }]);
    expect(checked.tools).toEqual([valid('search')]);
    expect(checked.invalidTools.map((tool) => [tool.index, tool.name, tool.repaired])).toEqual([[1, 'search', undefined]]);
    expect(checked.warnings[0]!.message).toMatch(/^tool #2 "search" is not a valid MCP tool definition and was not kept: inputSchema\.type: /);
  });

  it('a definition whose step throws costs only that tool, recorded with what was thrown', () => {
    const boom = {
      name: 'boom',
      get inputSchema(): unknown {
        throw new Error('no reading this');
      },
    };
    const nameless = {
      get description(): unknown {
        throw new Error('nor this');
      },
    };
    const checked = checkListedTools([boom, valid('search'), nameless]);
    expect(checked.tools).toEqual([valid('search')]);
    expect(checked.invalidTools).toEqual([
      { index: 0, name: 'boom', problems: ['could not be read: no reading this'], definition: '' },
      { index: 2, name: undefined, problems: ['could not be read: nor this'], definition: '' },
    ]);
    expect(checked.warnings).toEqual([
      { code: 'invalid-tool', tool: 'boom', message: 'tool #1 "boom" could not be read: no reading this; it was not kept' },
      { code: 'invalid-tool', tool: undefined, message: 'tool #3 could not be read: nor this; it was not kept' },
    ]);
  });
});
