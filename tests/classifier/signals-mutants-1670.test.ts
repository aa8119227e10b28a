// Tests written for the mutants StrykerJS left alive in classifier/signals.ts lines 1670-1733 on rules-129 (seventeenth
// session): wholeContentSignals, linkOnlySignals and replacesWholeSignals as whole signals, and a name with two actions of
// which one updates content.
import { describe, expect, it } from 'vitest';
import { linkOnlySignals, replacesWholeSignals, wholeContentSignals } from '../../classifier/signals.ts';
import { tool } from './class-helpers.ts';

const replacesContent = { family: 'parameter', effect: 'destructive', label: 'whole:content', weight: 0, where: 'inputSchema.properties.content', text: 'content' };
const fileAndContent = { file_id: { type: 'string' }, content: { type: 'string' } };

describe('updating an item with its whole new content', () => {
  it('replaces it, quoting the content parameter, when one of the name\'s actions updates it', () => {
    expect(wholeContentSignals(tool('update_file', '', fileAndContent))).toEqual([replacesContent]);
    expect(wholeContentSignals(tool('move_and_update_file', '', fileAndContent))).toEqual([replacesContent]);
    expect(wholeContentSignals(tool('update_and_read_file', '', fileAndContent))).toEqual([replacesContent]);
  });
});

describe('a description', () => {
  it('that builds a link for the user to open reads, quoting what builds it', () => {
    expect(linkOnlySignals(tool('new_issue_link', 'Generate a GitHub issue URL with the title pre-filled; the user can open it to submit.'))).toEqual([
      { family: 'description', effect: 'read', label: 'phrase:link-only', weight: 0, where: 'description', text: 'Generate a GitHub issue URL' },
    ]);
  });

  it('that replaces the whole of what is there writes, quoting the phrase', () => {
    expect(replacesWholeSignals(tool('load_diagram', 'Load a file into the session, replacing the entire diagram.'))).toEqual([
      { family: 'description', effect: 'write', label: 'phrase:replaces-whole', weight: 0, where: 'description', text: 'replacing the entire' },
    ]);
  });
});
