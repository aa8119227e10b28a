// The rows, columns, sheets or tabs a name adds, and the file format it names, as signals of the name.
import { describe, expect, it } from 'vitest';
import { collectSignals } from '../../../classifier/classify.ts';
import type { ServerTraits } from '../../../classifier/signals.ts';
import type { McpTool } from '../../../data/schema.ts';
import { PLAIN, tool, weighed } from '../signal-helpers.ts';

const labelled = (definition: McpTool, label: string, traits: ServerTraits = PLAIN) => collectSignals(definition, traits).filter((s) => s.label === label);

describe('the rows, columns or sheets a name adds', () => {
  it('marks a grid part after any word but a preposition', () => {
    // ("json" only ends like "on")
    expect(weighed(tool('insert_json_rows', 'Insert rows given as JSON objects into a table.'))).toContain('write:name:grid-part:rows:0');
    expect(weighed(tool('write_to_sheet', 'Write values into a sheet.')).filter((label) => label.includes('grid-part'))).toEqual([]);
  });
});

describe('the rows, columns, sheets or tabs a name adds', () => {
  it('marks the singular and the plural of each grid part, as a signal of the name', () => {
    expect(labelled(tool('add_row'), 'name:grid-part')).toEqual([{ family: 'name', effect: 'write', label: 'name:grid-part', weight: 0, where: 'name', text: 'row' }]);
    for (const name of ['add_column', 'add_sheet', 'add_tab', 'add_rows', 'add_columns', 'add_sheets', 'add_tabs']) {
      expect(labelled(tool(name), 'name:grid-part').map((s) => s.text)).toEqual([name.slice(4)]);
    }
  });

  it('takes whole words only: arrows are no rows, and a table is no tab', () => {
    expect(labelled(tool('add_arrows'), 'name:grid-part')).toEqual([]);
    expect(labelled(tool('insert_table'), 'name:grid-part')).toEqual([]);
    expect(labelled(tool('add_tablespace'), 'name:grid-part')).toEqual([]);
  });
});

describe('the file format a name names', () => {
  it('is a signal of the name, at the name', () => {
    expect(labelled(tool('save_as_pdf', 'Saves the document.'), 'name:format')).toEqual([{ family: 'name', effect: 'write', label: 'name:format', weight: 0, where: 'name', text: 'pdf' }]);
  });
});
