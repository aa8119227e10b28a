// Classes of mistakes found on the development label sets: a read, an export or a file producer that saves what it made
// or fetched writes that file. Each is tested in words of its own: a positive case that fails without its rule and a
// negative case that stays put.
import { describe, expect, it } from 'vitest';
import { classify, tool, verdict } from '../class-helpers.ts';

describe('a location given to save into makes the tool write that file', () => {
  it('"path to save …" on a tool whose verb produces files, in its name or, when the name has none, in its description', () => {
    expect(verdict(classify(tool('slides_export', 'Export the open deck.', { folder: { type: 'string', description: 'Folder where to write the slides' } })))).toBe('write+destructive high');
    expect(verdict(classify(tool('canvas_png', 'Render the canvas as an image.', { path: { type: 'string', description: 'File path to save the image' } })))).toBe('write+destructive high');
  });

  it('a path read from is no output, and a producing verb without a location returns what it makes', () => {
    expect(verdict(classify(tool('canvas_png', 'Render the canvas as an image.', { path: { type: 'string', description: 'Path of the canvas file to open' } })))).toBe('read low');
    expect(verdict(classify(tool('slides_export', 'Export the open deck as markdown text.')))).toBe('read low');
  });
});

describe('a file producer that may overwrite writes', () => {
  it('an overwrite switch on a tool whose verb downloads, generates or exports files', () => {
    expect(verdict(classify(tool('download_starter_kit', 'Downloads a starter kit.', { kit: { type: 'string' }, overwrite: { type: 'boolean' } })))).toBe('write+destructive high');
    expect(verdict(classify(tool('generate_lint_configs', 'Generates lint configs for the repository.', { replace_existing: { type: 'boolean' }, overwrite: { type: 'boolean' } })))).toBe('write+destructive high');
  });

  it('without the switch, or on a verb that produces no file, nothing changes', () => {
    expect(verdict(classify(tool('download_starter_kit', 'Downloads a starter kit.', { kit: { type: 'string' } })))).toBe('read low');
  });
});

describe('a read that also saves what it read to a file writes', () => {
  it('a parameter whose name ends in a file location and whose text says the result is saved there', () => {
    expect(verdict(classify(tool('fetch_invoice_pdf_meta', 'Fetches metadata of an invoice.', { id: { type: 'string' }, bodyFilePath: { type: 'string', description: 'Where the raw body is saved to; omitted means inline' } })))).toBe('write medium');
    expect(verdict(classify(tool('dump_heap_stats', 'Returns heap statistics.', { export_dir: { type: 'string', description: 'Optional. Writes a copy of the statistics into this directory' } })))).toBe('write medium');
  });

  it('a parameter described as a file name to save as', () => {
    expect(verdict(classify(tool('grab_viewport', 'Grabs the visible part of the canvas and returns it.', { label: { type: 'string', description: 'Filename to save as, inside the captures folder' } })))).toBe('write medium');
  });

  it('a description that says the tool saves an image or a file as it reads', () => {
    expect(verdict(classify(tool('snapshot_view', 'Look at the current view: lists the widgets and saves an annotated screenshot.', { view: { type: 'string' } })))).toBe('write medium');
    expect(verdict(classify(tool('peek_queue', 'Shows the next messages and writes them to a temp file for later review.')))).toBe('write medium');
  });

  it('a path the tool reads from, or a path that is only mentioned, writes nothing', () => {
    expect(verdict(classify(tool('fetch_invoice_pdf_meta', 'Fetches metadata of an invoice.', { sourceFilePath: { type: 'string', description: 'Path of the invoice file to read' } })))).toBe('read low');
    expect(verdict(classify(tool('grab_viewport', 'Grabs the visible part of the canvas and returns it.', { label: { type: 'string', description: 'Filename shown in the caption' } })))).toBe('read low');
    expect(verdict(classify(tool('list_exports', 'Lists the reports saved in the workspace earlier.')))).toBe('read low');
  });
});

describe('a read that keeps what it fetched, or has a switch to save it, writes', () => {
  it('"persists it in a knowledge base", "indexes pages into the database"', () => {
    expect(verdict(classify(tool('fetch_changelog', 'Fetches a release changelog, splits it by version and persists it in a local knowledge base for later questions.', { url: { type: 'string' } })))).toBe('write medium');
  });
  it('a boolean that saves or updates what the read made (`write_summary`, `update_golden`)', () => {
    expect(verdict(classify(tool('compare_render', 'Compares a render with the golden image.', { update_golden: { type: 'boolean', description: 'Replace the golden image with this render' } })))).toBe('write medium');
  });
  it('a switch that only caches or encodes, and a store it only searches, write nothing', () => {
    expect(verdict(classify(tool('fetch_page', 'Fetches a page.', { url: { type: 'string' }, storeInCache: { type: 'boolean' } })))).toBe('read low');
    expect(verdict(classify(tool('ask_docs', 'Answers questions from the documents indexed in the knowledge base.', { question: { type: 'string' } })))).toBe('read low');
  });
});

describe('a negation about something else does not cancel the file a tool is told to save', () => {
  it('"read-only on the remote side" with a local destination path writes that file', () => {
    expect(verdict(classify(tool('download_remote_file', 'Copies one remote file to a local destination path, overwriting any file there. Read-only on the remote side.', { remote: { type: 'string' }, localPath: { type: 'string', description: 'Local destination path' } })))).toBe('write+destructive high');
  });

  it('a negation about files themselves still reads', () => {
    expect(verdict(classify(tool('preview_file', 'Shows the first lines of a remote file. Writes nothing to disk.', { remote: { type: 'string' }, outputPath: { type: 'string', description: 'Ignored.' } })))).toBe('read low');
  });
});
