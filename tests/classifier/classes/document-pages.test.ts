// Classes of mistakes found on the development label sets: a page of a document is the document's, not a browser's. Each
// is tested in words of its own: a positive case that fails without its rule and a negative case that stays put.
import { describe, expect, it } from 'vitest';
import { classify, tool, verdict } from '../class-helpers.ts';

describe('a page of a document is the document\'s, not a browser\'s', () => {
  const editor = { name: 'io.example/sketch-editor', description: 'Drives the sketch editor in a browser with Playwright.' };
  it('adding or deleting a page of a diagram on a browser-driving server writes the diagram', () => {
    expect(verdict(classify(tool('insert_page', 'Adds a blank page to the open diagram.', { title: { type: 'string' } }), editor))).toBe('write medium');
    expect(classify(tool('drop_page', 'Deletes one page of the diagram.', { page: { type: 'integer' } }), editor).category).toBe('write');
  });
  it('a browser page on the same server is still driven', () => {
    expect(classify(tool('reload_page', 'Reloads the browser page.'), editor).category).toBe('execute');
  });
});
