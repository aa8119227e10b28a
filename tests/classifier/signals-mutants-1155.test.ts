// Tests written for the mutants StrykerJS left alive in classifier/signals.ts lines 1155-1221 on rules-129 (seventeenth
// session): what a parameter's name says (parameterName). A parameter names where output is saved only when its name is a file
// location (`file_path`, or a name whose head word is one: `chart_path`) or its description says it is one; another
// parameter whose description speaks of writing output (an encoding, a format) is no output file.
import { describe, expect, it } from 'vitest';
import { tool } from './class-helpers.ts';
import { weighed } from './signal-helpers.ts';

const renderWith = (name: string, description: string) =>
  weighed(tool('render_chart', 'Renders a chart.', { [name]: { type: 'string', description } }));

describe('a parameter that names where output is saved', () => {
  it('is one when its head word is a file location and its description says output is saved there', () => {
    expect(renderWith('chart_path', 'Where the chart is saved to.')).toContain('write:param:output-file:chart_path:1.5');
    expect(renderWith('file', 'The chart is written to this file.')).toContain('write:param:output-file:file:1.5');
  });

  it('is none when neither its name nor the start of its description is a file location, whatever the description says of output', () => {
    expect(renderWith('encoding', 'The encoding to write the output in.')).toEqual(['read:verb:render:render:3', 'read:verb:render:Renders:2']);
    expect(renderWith('chart_format', 'Format to save the chart as.')).toEqual(['read:verb:render:render:3', 'read:verb:render:Renders:2']);
  });
});
