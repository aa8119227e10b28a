// Converting a stored item named by its id changes it in place; converting what the call passes in only returns the
// result.
import { describe, expect, it } from 'vitest';
import { collectSignals } from '../../../classifier/classify.ts';
import type { McpTool } from '../../../data/schema.ts';
import { classify } from '../class-helpers.ts';
import { labels, PLAIN, tool, weighed } from '../signal-helpers.ts';

const found = (definition: McpTool, pattern: RegExp) => labels(collectSignals(definition, PLAIN)).filter((label) => pattern.test(label));

describe('converting a stored item named by its id (transformedItemSignals)', () => {
  const id = (name: string) => ({ [name]: { type: 'string' } });

  it('changes in place the item a converting name acts on, also after a plural resource (`drafts_convert`)', () => {
    expect(weighed(tool('drafts_convert', '', id('draftId')))).toEqual(['read:verb:convert:convert:3', 'write:verb:transform:convert:3']);
  });

  it('takes a converting word after another verb as a modifier: getting a converted file converts nothing', () => {
    expect(weighed(tool('get_converted_file', '', id('fileId')))).toEqual(['read:verb:get:get:3', 'read:verb:convert:converted:0.75', 'write:noun:file:file:0']);
  });

  it('keeps the conversion when the description leads with a verb that changes things, and drops it when it leads with a read', () => {
    const moves = tool('convert_issue_to_subtask', 'Moves an issue under a parent issue as its subtask.', { ...id('issueId'), ...id('parentId') });
    expect(weighed(moves)).toEqual(['read:verb:convert:convert:3', 'write:verb:move:Moves:2', 'write:verb:transform:convert:3']);
    const options = tool('convert_issue_to_subtask', 'Get the conversion options for an issue.', id('issueId'));
    expect(weighed(options)).toEqual(['read:verb:convert:convert:3', 'read:verb:get:Get:2']);
  });
});

describe('converting what the call passes in (transformedItemSignals)', () => {
  it('returns the result and changes nothing stored: no id names an item to change', () => {
    for (const [name, parameter, description] of [['convert_time', 'time', 'Converts a time between time zones.'], ['convert_css', 'css', 'Converts CSS into Tailwind classes.'], ['optimize_image', 'image_base64', 'Optimizes an image and returns it.']] as const) {
      const definition = tool(name, description, { [parameter]: { type: 'string' } });
      expect(found(definition, /verb:(transform|create)/), name).toEqual([]);
      expect(classify(definition).category, name).toBe('read');
    }
  });

  it('changes in place the stored item an id names', () => {
    expect(found(tool('optimize_itinerary', '', { itineraryId: { type: 'string' } }), /verb:transform/)).toEqual(['write:verb:transform:optimize']);
  });
});
