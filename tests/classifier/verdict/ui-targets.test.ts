// The page or element a UI tool acts on, and what a browser-driving server adds to its tools: a document's page is the
// document's, a browser page is driven.
import { describe, expect, it } from 'vitest';
import { collectSignals } from '../../../classifier/classify.ts';
import type { ServerTraits } from '../../../classifier/signals.ts';
import type { McpTool } from '../../../data/schema.ts';
import { classify, verdict } from '../class-helpers.ts';
import { PLAIN, tool, UI, weighed } from '../signal-helpers.ts';

const BROWSER = { name: 'io.example/browser', description: 'Browser automation with Playwright' };
const TEXT = { type: 'string' };
const labelled = (definition: McpTool, label: string, traits: ServerTraits = PLAIN) => collectSignals(definition, traits).filter((s) => s.label === label);

describe('the page or element a UI tool acts on', () => {
  const opening = 'Open a new page in the browser. ';
  const waits = 'It waits for the page to load and returns its id, title and address so later calls can act on it. '.repeat(3);

  it('takes a page for a document’s only when the opening of the description says so', () => {
    expect(weighed(tool('new_page', `${opening}Pages showing a PDF are handled too.`), UI)).toEqual(['execute:verb:open:Open:2']);
    // a PDF mentioned past the first 300 characters does not make the browser's page a document's
    expect(`${opening}${waits}`.length).toBeGreaterThan(300);
    expect(weighed(tool('new_page', `${opening}${waits}Pages showing a PDF are handled too.`), UI)).toEqual(['execute:verb:open:Open:2', 'execute:ui:target:page:0']);
  });

  it('keeps a click on a page a UI action, even on a page showing a document', () => {
    expect(weighed(tool('clickOnPage', 'Click an element on the page; works on web pages and PDF documents opened in the browser.'), UI)).toEqual([
      'execute:verb:click:click:3',
      'execute:verb:click:Click:2',
      'openWorld:phrase:open-world:web pages:1',
      'execute:ui:target:clickOnPage:0',
    ]);
  });
});

describe('the page or element a UI tool acts on', () => {
  it('reads the name as words: `close_tab` acts on a tab', () => {
    expect(labelled(tool('close_tab', 'Closes the given one.'), 'ui:target', UI)).toEqual([{ family: 'name', effect: 'execute', label: 'ui:target', weight: 0, where: 'name', text: 'tab' }]);
  });

  it('takes the target from the opening of the description when the name has none, and says so', () => {
    expect(labelled(tool('reload', 'Reloads the current page.'), 'ui:target', UI)).toEqual([{ family: 'name', effect: 'execute', label: 'ui:target', weight: 0, where: 'description', text: 'page' }]);
    // a window mentioned only past the first 300 characters is no target
    const long = `Reloads what was opened last. ${'It keeps the scroll position and the values that were typed in before. '.repeat(5)}Any window stays open.`;
    expect(long.indexOf('window')).toBeGreaterThan(300);
    expect(labelled(tool('reload', long), 'ui:target', UI)).toEqual([]);
  });

  it('gives a UI tool that names no target no target, without failing', () => {
    expect(weighed(tool('list_items', 'Lists items.'), UI)).toEqual(['read:verb:list:list:3', 'read:verb:list:Lists:2']);
  });

  it('takes a page that the name says is a diagram’s as no browser page', () => {
    expect(weighed(tool('add_diagram_page', 'Adds a blank one at the end.'), UI)).toEqual(['write:verb:add:add:3', 'write:verb:add:Adds:2']);
  });
});

describe('what a browser server adds to its tools', () => {
  it('makes filling a form on the page driving the browser, with the server’s trait among the signals', () => {
    const c = classify(tool('fill_form', 'Fills the fields of the form on the page.', { values: TEXT }), BROWSER);
    expect(verdict(c)).toBe('execute high');
    expect(c.signals.filter((s) => s.family === 'server').map((s) => `${s.label}:${s.weight}`)).toEqual(['server:ui-automation:0']);
  });
});
