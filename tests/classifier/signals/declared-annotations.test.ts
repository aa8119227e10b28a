// The annotations a server declares are weak signals that quote the hint they came from, and a destructive hint counts
// only when the same tool does not also say it is read-only.
import { describe, expect, it } from 'vitest';
import { annotationSignals } from '../../../classifier/signals.ts';
import { labels, tool } from '../signal-helpers.ts';

describe('declared annotations (annotationSignals)', () => {
  it('takes a destructive hint only from a tool that does not also say it is read-only', () => {
    const deleteFile = tool('delete_file', 'Deletes a file from the workspace.', { path: { type: 'string' } }, ['path']);
    expect(labels(annotationSignals({ ...deleteFile, annotations: { destructiveHint: true } }))).toEqual(['destructive:hint:destructive:true']);
    // a server that calls the tool read-only and destructive at once is believed on the read-only side
    expect(labels(annotationSignals({ ...deleteFile, annotations: { readOnlyHint: true, destructiveHint: true } }))).toEqual(['read:hint:readOnly:true']);
  });
});

describe('declared annotations', () => {
  it('are weak signals quoting the hint they came from', () => {
    expect(annotationSignals({ name: 'x', inputSchema: { type: 'object' }, annotations: { readOnlyHint: false, openWorldHint: true } })).toEqual([
      { family: 'annotation', effect: 'write', label: 'hint:notReadOnly', weight: 0.5, where: 'annotations.readOnlyHint', text: 'false' },
      { family: 'annotation', effect: 'openWorld', label: 'hint:openWorld', weight: 0.75, where: 'annotations.openWorldHint', text: 'true' },
    ]);
    expect(annotationSignals({ name: 'x', inputSchema: { type: 'object' }, annotations: { openWorldHint: false } })).toEqual([]);
  });
});
