// Tests written for the mutants StrykerJS left alive in classifier/signals.ts lines 1460-1528 on rules-129 (seventeenth
// session): declared annotations as whole signals, and which lists of operations a description has (listedOperations).
// Reading them showed that "Manage branches: list, create, delete", the function's own example, gave no operations: bare
// verbs after the first sentence's colon waited for an object that never came. Since rules-131 they act on what the
// colon follows, as bare verbs under an operations heading do.
import { describe, expect, it } from 'vitest';
import { annotationSignals } from '../../classifier/signals.ts';
import { listed as operations } from './signal-helpers.ts';
import { classify, tool } from './class-helpers.ts';


describe('declared annotations', () => {
  it('are weak signals quoting the hint they came from', () => {
    expect(annotationSignals({ name: 'x', inputSchema: { type: 'object' }, annotations: { readOnlyHint: false, openWorldHint: true } })).toEqual([
      { family: 'annotation', effect: 'write', label: 'hint:notReadOnly', weight: 0.5, where: 'annotations.readOnlyHint', text: 'false' },
      { family: 'annotation', effect: 'openWorld', label: 'hint:openWorld', weight: 0.75, where: 'annotations.openWorldHint', text: 'true' },
    ]);
    expect(annotationSignals({ name: 'x', inputSchema: { type: 'object' }, annotations: { openWorldHint: false } })).toEqual([]);
  });
});

describe('the operations a description lists', () => {
  it('are bare verbs after the first sentence\'s colon, acting on what it follows', () => {
    expect(operations('Manage branches: list, create, delete')).toEqual(['list||list', 'create||create', 'delete||delete']);
    expect(operations('Manage branches: list, create, delete branches')).toEqual(['list|branches|list branches', 'create|branches|create branches', 'delete|branches|delete branches']);
  });

  it('make a multi-action tool as risky as the riskiest of them', () => {
    const bare = classify(tool('manage_branches', 'Manage branches: list, create, delete'));
    const withObject = classify(tool('manage_branches', 'Manage branches: list, create, delete branches'));
    expect([bare.category, bare.risk]).toEqual([withObject.category, withObject.risk]);
    expect(bare.risk).toBe('high');
  });

  it('are two or more verbs opening the text, sharing the object after them', () => {
    expect(operations('Create or delete events.')).toEqual(['create|events|Create events', 'delete|events|delete events']);
  });

  it('are none when the verbs are in the middle of a sentence with no heading and no colon', () => {
    expect(operations('The tool can create, update and delete events.')).toEqual([]);
  });

  it('are none for bare verbs with neither heading nor colon, whatever mark the text starts with', () => {
    // (no colon is no clause after one: the first sentence less its first mark is no heading's list)
    expect(operations('- list, create, delete')).toEqual([]);
    expect(operations('·list, create, delete')).toEqual([]);
  });

  it('leave out choosing one of the operations', () => {
    expect(operations('Supports running any of the actions, creating workbooks and deleting workbooks')).toEqual([
      'create|workbooks|creating workbooks',
      'delete|workbooks|deleting workbooks',
    ]);
    expect(operations('Commands for running the requested operations, creating workbooks and deleting workbooks')).toEqual([
      'create|workbooks|creating workbooks',
      'delete|workbooks|deleting workbooks',
    ]);
  });
});
