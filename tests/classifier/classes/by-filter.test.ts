// Classes of mistakes found on the development label sets: what a filter picks, by a state or by a filter the call must
// give, is changed many at a time. Each is tested in words of its own: a positive case that fails without its rule and a
// negative case that stays put.
import { describe, expect, it } from 'vitest';
import { classify, tool, verdict } from '../class-helpers.ts';

describe('what is cleared out by its state is picked by a filter', () => {
  it('"Clear finished downloads from the queue", "Delete all expired sessions": many by a filter (critical)', () => {
    expect(verdict(classify(tool('flush_queue_items', 'Clear finished downloads from the download queue.', { queue: { type: 'string' } })))).toBe('write+destructive critical');
    expect(verdict(classify(tool('sweep_sessions', 'Delete all expired sessions of the workspace.')))).toBe('write+destructive critical');
  });

  it('deleting one item, or a text that says a state may not be deleted, is not', () => {
    expect(verdict(classify(tool('drop_job', 'Deletes a queued job that has not started; does not allow deleting finished jobs.', { job_id: { type: 'string' } })))).toBe('write+destructive high');
  });
});

describe('rows, records or documents changed through a filter the call must give are changed by a filter', () => {
  const byFilter = (name: string, description: string) => tool(name, description, { table: { type: 'string' }, where: { type: 'object', description: 'Which rows.' }, values: { type: 'object' } });
  it('updating them is high, deleting them is critical', () => {
    const update = byFilter('update_records', 'Update records of a table.');
    update.inputSchema.required = ['table', 'where'];
    expect(verdict(classify(update))).toBe('write+destructive high');
    const remove = byFilter('delete_records', 'Delete records of a table.');
    remove.inputSchema.required = ['table', 'where'];
    expect(verdict(classify(remove))).toBe('write+destructive critical');
  });

  it('an optional filter, or one record by its id, stays as it was', () => {
    expect(verdict(classify(byFilter('update_records', 'Update records of a table.')))).toBe('write+destructive medium');
    const one = tool('update_record', 'Update one record by id.', { id: { type: 'string' }, values: { type: 'object' } });
    one.inputSchema.required = ['id'];
    expect(verdict(classify(one))).toBe('write+destructive medium');
  });
});

describe('what goes by age, or what pruning finds unused, is many items picked by a filter', () => {
  it('"Delete backups older than the retention period" and "Prune unused containers, images and networks" are critical', () => {
    expect(verdict(classify(tool('prune_backups', 'Delete backups older than the retention period.', { days: { type: 'number' } })))).toBe('write+destructive critical');
    expect(verdict(classify(tool('docker_prune', 'Prune unused containers, images and networks.', {})))).toBe('write+destructive critical');
  });
  it('pruning one named thing, or listing what is old, is no sweep', () => {
    expect(classify(tool('prune_branch', 'Prune a branch of the tree view.', { id: { type: 'string' } })).risk).not.toBe('critical');
    expect(verdict(classify(tool('list_old_backups', 'Lists backups older than the retention period.', { days: { type: 'number' } })))).toBe('read low');
  });
});
