// Two phrases of a description: a link built for the user to open only reads (linkOnlySignals), and replacing the whole
// of what is there writes (replacesWholeSignals).
import { describe, expect, it } from 'vitest';
import { linkOnlySignals, replacesWholeSignals } from '../../../classifier/signals.ts';
import type { McpTool } from '../../../data/schema.ts';
import { labels, tool } from '../signal-helpers.ts';

const linkOnly = (definition: McpTool) => labels(linkOnlySignals(definition));

describe('a tool that only builds a link for the user to open (linkOnlySignals)', () => {
  it('reads a pre-filled link the user opens as a read', () => {
    expect(linkOnly(tool('new_issue_link', 'Generates a GitHub issue URL with the title and body pre-filled. Nothing is submitted.'))).toEqual(['read:phrase:link-only:Generates a GitHub issue URL']);
  });

  it('looks for what says the link is only opened in the first 600 characters of the description', () => {
    const opening = 'Generates a GitHub issue URL for a bug report. ';
    const middle = 'The title and the labels are chosen from the error that was seen, and the body lists the steps taken. ';
    const near = `${opening}${middle.repeat(3)}The user can open it to submit the report.`;
    const far = `${opening}${middle.repeat(6)}The user can open it to submit the report.`;
    expect(near.indexOf('The user can open')).toBeLessThan(600);
    expect(far.indexOf('The user can open')).toBeGreaterThan(600);
    expect(linkOnly(tool('new_issue_link', near))).toEqual(['read:phrase:link-only:Generates a GitHub issue URL']);
    // said only that far down, it is no longer what the tool is about
    expect(linkOnly(tool('new_issue_link', far))).toEqual([]);
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
