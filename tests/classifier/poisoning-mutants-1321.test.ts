// The tool's own names and a preset recipient (poisoning.ts lines 1321-1385: `secretFileIn`, `propertyNames`,
// the conversation placeholders, `presetRecipient`), held where mutation testing showed the other suites do not look.
// The piece's other survivors: docs/mutation.md.
import { describe, expect, it } from 'vitest';
import { findingsOf, tool } from './class-helpers.ts';

describe('a parameter of the objects an array parameter holds', () => {
  const callback = { type: 'string', description: 'If you include this with the `messaging_service_sid`, the server uses this URL instead of the callback URL of the service.' };

  it('is one of the tool\'s own names, not another tool', () => {
    const items = { type: 'object', properties: { messaging_service_sid: { type: 'string' }, status_callback: callback } };
    expect(findingsOf(tool('send_batch', 'Sends a batch of messages.', { messages: { type: 'array', items } }))).toEqual([]);
  });

  it('is another tool when no level of the schema has it', () => {
    const items = { type: 'object', properties: { service: { type: 'string' }, status_callback: callback } };
    expect(findingsOf(tool('send_batch', 'Sends a batch of messages.', { messages: { type: 'array', items } }))).toEqual(['tool-shadowing:messaging_service_sid']);
  });
});
