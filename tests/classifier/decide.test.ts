// The classifier's decision rules one by one (classifier/classify.ts: decide, riskOf), on signals
// built by hand, so that each rule's condition is pinned where the labelled sets only bound the
// aggregate. Each case names the rule it holds.
import { describe, expect, it } from 'vitest';
import { decide, riskOf } from '../../classifier/classify.ts';
import type { DescriptionWarning, Signal } from '../../data/schema.ts';
import { signal, verdictOf } from './signal-helpers.ts';

const nameVerb = (verb: string, effect: Signal['effect'] = 'write', weight = 3) => signal('name', effect, `verb:${verb}`, weight, verb);
const proseVerb = (verb: string, effect: Signal['effect'] = 'write', weight = 1.5) => signal('description', effect, `verb:${verb}`, weight, verb);

describe('which verbs decide the destructive scope', () => {
  it('a name verb decides from weight 3, a prose verb from 1.5, an action enum like a verb; other labels never', () => {
    expect(decide([nameVerb('delete')]).destructiveScope).toBe('item');
    expect(decide([nameVerb('delete', 'write', 2.9)]).destructiveScope).toBe('none');
    expect(decide([nameVerb('create'), proseVerb('delete')]).destructiveScope).toBe('item');
    expect(decide([nameVerb('create'), proseVerb('delete', 'write', 1.4)]).destructiveScope).toBe('none');
    expect(decide([nameVerb('create'), signal('description', 'write', 'enum:delete', 1.5, 'delete')]).destructiveScope).toBe('item');
    expect(decide([nameVerb('create'), signal('description', 'write', 'noun:delete', 3, 'delete')]).destructiveScope).toBe('none');
  });

  it('the wider of two scopes wins, whatever their order', () => {
    expect(decide([nameVerb('delete'), proseVerb('update')]).destructiveScope).toBe('item');
    expect(decide([nameVerb('update'), proseVerb('delete')]).destructiveScope).toBe('item');
    expect(decide([nameVerb('update')]).destructiveScope).toBe('in-place');
  });
});

describe('negations in the prose', () => {
  it('"does not modify" outweighs the prose\'s write verbs, but not the name\'s own verb', () => {
    const negation = signal('description', 'negation', 'phrase:read-only', 2, 'read-only');
    expect(decide([signal('name', 'read', 'verb:get', 3), proseVerb('update'), negation]).category).toBe('read');
    expect(decide([signal('name', 'read', 'verb:get', 3), proseVerb('update')]).category).toBe('write');
    expect(decide([nameVerb('update'), negation]).category).toBe('write');
    // a negation in the name is not the prose's: the prose verb still counts
    expect(decide([signal('name', 'negation', 'phrase:read-only', 2), signal('name', 'read', 'verb:get', 3), proseVerb('run', 'execute', 2.5)]).category).toBe('read');
  });

  it('when negated, execution still counts from the name and the parameters, never from the prose', () => {
    const negation = signal('description', 'negation', 'phrase:read-only', 2);
    const read = signal('name', 'read', 'verb:get', 3);
    expect(decide([read, negation, signal('parameter', 'execute', 'param:command', 2)]).category).toBe('execute');
    expect(decide([read, negation, proseVerb('run', 'execute', 2.5)]).category).toBe('read');
    // weak parameter hints add up
    expect(decide([signal('description', 'read', 'verb:get', 1), negation, signal('parameter', 'execute', 'param:command', 1), signal('parameter', 'execute', 'param:script', 1)]).category).toBe('execute');
  });

  it('a negated prose verb never widens the scope; the name\'s verb still does', () => {
    const negation = signal('description', 'negation', 'phrase:no-delete', 2);
    expect(decide([nameVerb('update'), proseVerb('delete'), negation]).destructiveScope).toBe('in-place');
    expect(decide([nameVerb('delete'), negation]).destructiveScope).toBe('item');
  });
});

describe('what a negation leaves standing', () => {
  const negation = signal('description', 'negation', 'phrase:read-only', 2);
  const read = (weight: number) => signal('description', 'read', 'verb:get', weight);
  it("the name's writes and executions, weak or strong, still count", () => {
    expect(decide([signal('name', 'write', 'word:x', 1), negation, read(0.5)]).category).toBe('write');
    expect(decide([nameVerb('update'), negation, read(4)]).category).toBe('write');
    expect(decide([signal('name', 'execute', 'word:x', 1), negation, read(0.5)]).category).toBe('execute');
    expect(decide([nameVerb('run', 'execute', 3), negation, read(4)]).category).toBe('execute');
  });
  it("a negation in the name does not discount the prose's writes", () => {
    expect(decide([signal('name', 'negation', 'phrase:read-only', 2), signal('name', 'write', 'word:x', 1), proseVerb('update'), read(2)]).category).toBe('write');
  });
});

describe('category from strength', () => {
  it('a clear action outweighs a read, and a strong write a weaker execute', () => {
    expect(decide([signal('name', 'read', 'verb:get', 3), proseVerb('run', 'execute', 2)]).category).toBe('execute');
    expect(decide([signal('name', 'read', 'verb:get', 3), proseVerb('run', 'execute', 1.9)]).category).toBe('read');
    // equal strengths: execute first
    expect(decide([proseVerb('run', 'execute', 2), proseVerb('update', 'write', 2)]).category).toBe('execute');
    expect(decide([proseVerb('run', 'execute', 2), proseVerb('update', 'write', 2.5)]).category).toBe('write');
    // below the execute bar, an equally strong write wins
    expect(decide([proseVerb('run', 'execute', 1.5), proseVerb('update', 'write', 1.5)]).category).toBe('write');
    // weak signals only: the larger sum decides, execute before write on a tie
    expect(decide([proseVerb('run', 'execute', 1), proseVerb('update', 'write', 1)]).category).toBe('execute');
    expect(decide([proseVerb('run', 'execute', 1), signal('description', 'read', 'verb:get', 1)]).category).toBe('read');
    expect(decide([proseVerb('run', 'execute', 1.2), signal('description', 'read', 'verb:get', 1)]).category).toBe('execute');
  });

  it('a code parameter makes a write tool run the code, unless the name stores it', () => {
    const code = signal('parameter', 'execute', 'param:code', 1.5);
    const command = signal('parameter', 'execute', 'param:command', 1.5);
    expect(decide([nameVerb('start'), signal('name', 'write', 'verb:start', 3), code, command]).category).toBe('execute');
    expect(decide([nameVerb('save'), nameVerb('create', 'write', 3), code, command]).category).toBe('write');
    expect(decide([nameVerb('start', 'write', 3), signal('parameter', 'execute', 'param:code', 1.4), signal('parameter', 'execute', 'param:command', 1.4)]).category).toBe('write');
    // a weak code parameter does not tip a strong write over a weaker execute
    expect(decide([nameVerb('start', 'write', 3), proseVerb('run', 'execute', 2), signal('parameter', 'execute', 'param:code', 1)]).category).toBe('write');
    expect(decide([nameVerb('start', 'write', 3), proseVerb('run', 'execute', 2), signal('parameter', 'execute', 'param:code', 1.5)]).category).toBe('execute');
    // only a name verb that writes, at full weight, stores
    expect(decide([signal('name', 'read', 'verb:save', 3), nameVerb('start', 'write', 3), proseVerb('run', 'execute', 2), signal('parameter', 'execute', 'param:code', 1.5)]).category).toBe('execute');
    expect(decide([nameVerb('save', 'write', 2.9), nameVerb('start', 'write', 3), proseVerb('run', 'execute', 2), signal('parameter', 'execute', 'param:code', 1.5)]).category).toBe('execute');
    expect(decide([nameVerb('save', 'write', 3), nameVerb('start', 'write', 3), proseVerb('run', 'execute', 2), signal('parameter', 'execute', 'param:code', 1.5)]).category).toBe('write');
  });

  it('a file-producing verb with a file name parameter writes', () => {
    const fileName = signal('parameter', 'write', 'param:file-name', 0.5);
    expect(decide([signal('name', 'read', 'verb:generate', 3), fileName]).category).toBe('write');
    expect(decide([signal('name', 'read', 'verb:generate', 2), fileName]).category).toBe('read');
  });

  it('a lifecycle verb on a running thing operates it; on a UI server changing the page drives it', () => {
    expect(decide([nameVerb('apply'), signal('name', 'write', 'object:manifest', 1)]).category).toBe('execute');
    expect(decide([nameVerb('apply')]).category).toBe('write');
    const ui = [signal('server', 'read', 'server:ui-automation', 0.5), signal('parameter', 'read', 'ui:target', 0.5)];
    expect(decide([nameVerb('set'), ...ui]).category).toBe('execute');
    expect(decide([nameVerb('set'), ui[0]!]).category).toBe('write');
    expect(decide([nameVerb('set'), ui[1]!]).category).toBe('write');
    expect(decide([nameVerb('set', 'write', 1.4), proseVerb('update', 'write', 1.4), ...ui]).category).toBe('write');
  });
});

describe('broad destruction', () => {
  it('host code and queries that can write can delete anything; code in a page only changes the page', () => {
    const command = signal('parameter', 'execute', 'param:command', 2);
    expect(decide([nameVerb('run', 'execute', 3), command]).destructiveScope).toBe('broad');
    expect(decide([nameVerb('run', 'execute', 3), signal('description', 'execute', 'phrase:runs-code', 2, 'runs shell commands')]).hostCode).toBe(true);
    expect(decide([nameVerb('run', 'execute', 3), signal('description', 'execute', 'phrase:runs-code', 2, 'runs the workflow')]).hostCode).toBe(false);
    expect(decide([nameVerb('run', 'execute', 3), signal('description', 'execute', 'phrase:other', 2, 'runs shell commands')]).hostCode).toBe(false);
    const page = [nameVerb('evaluate', 'execute', 3), signal('server', 'read', 'server:ui-automation', 0.5)];
    expect(decide([...page, signal('parameter', 'execute', 'param-text:javascript', 0.5)]).destructiveScope).toBe('in-place');
    expect(decide([...page, signal('description', 'execute', 'phrase:runs-code', 2, 'runs a script')]).destructiveScope).toBe('in-place');
    expect(decide(page).destructiveScope).toBe('none');
  });

  it('an item-scope verb becomes broad with a sweeping name word, a recursive or force parameter, history, or a filter', () => {
    expect(decide([nameVerb('delete'), signal('name', 'broad', 'word:all', 1, 'all')]).destructiveScope).toBe('broad');
    expect(decide([nameVerb('delete'), signal('parameter', 'destructive', 'param:recursive', 1)]).destructiveScope).toBe('broad');
    // (forcing a clean or a purge sweeps; forcing the delete of one thing, "even if it is in use", takes that one thing)
    expect(decide([nameVerb('clean'), signal('parameter', 'destructive', 'param:force', 1)]).destructiveScope).toBe('broad');
    expect(decide([nameVerb('delete'), signal('parameter', 'destructive', 'param:force', 1)]).destructiveScope).toBe('item');
    expect(decide([nameVerb('delete'), signal('description', 'destructive', 'phrase:history', 1)]).destructiveScope).toBe('broad');
    expect(decide([nameVerb('delete'), signal('description', 'destructive', 'phrase:other', 1)]).destructiveScope).toBe('item');
    expect(decide([nameVerb('update'), signal('parameter', 'destructive', 'param:force', 1)]).destructiveScope).toBe('in-place');
  });

  it('many by a filter, from the name; a batch named by id is rated as one item is (the rubric: delete a batch high, change one medium)', () => {
    expect(decide([nameVerb('delete'), signal('name', 'broad', 'word:bulk', 1, 'bulk')]).many).toBe('filter');
    const batch = decide([nameVerb('delete'), signal('name', 'write', 'word:batch', 1, 'batchDelete')]);
    expect(batch.many).toBe('one');
    expect(riskOf(batch, [])).toBe(riskOf(decide([nameVerb('delete')]), []));
    expect(decide([nameVerb('delete'), signal('name', 'write', 'word:batch', 1, 'rebatch')]).many).toBe('one');
    expect(decide([nameVerb('delete'), signal('description', 'broad', 'word:all', 1, 'all')]).many).toBe('one');
  });

  it('an overwrite, an irreversible phrase or an overwrite parameter make an item; an overwrite mode only on a write', () => {
    for (const label of ['phrase:irreversible', 'phrase:overwrite', 'param:overwrite']) {
      expect(decide([nameVerb('create'), signal('description', 'write', label, 0.5)]).destructiveScope, label).toBe('item');
    }
    expect(decide([nameVerb('create'), signal('parameter', 'write', 'param:overwrite-mode', 0.5)]).destructiveScope).toBe('item');
    expect(decide([nameVerb('create'), signal('parameter', 'write', 'param:other-mode', 0.5)]).destructiveScope).toBe('none');
  });

  it('destructive words make an item from weight 1.5 in all, or any with one in the name', () => {
    expect(decide([nameVerb('create'), signal('description', 'destructive', 'phrase:x', 1.5)]).destructiveScope).toBe('item');
    expect(decide([nameVerb('create'), signal('description', 'destructive', 'phrase:x', 1.4)]).destructiveScope).toBe('none');
    expect(decide([nameVerb('create'), signal('description', 'destructive', 'phrase:x', 0.5), signal('name', 'destructive', 'word:x', 0.5)]).destructiveScope).toBe('item');
  });
});

describe('the narrower rules', () => {
  it("a negation in the name makes a tool read only when the name has no write or execute of its own", () => {
    const neutral = signal('name', 'negation', 'word:no', 1);
    expect(decide([neutral, signal('name', 'read', 'verb:get', 3)]).category).toBe('read');
    expect(decide([neutral, nameVerb('run', 'execute', 3)]).category).toBe('execute');
    // and a read tool is never turned into a UI action or an operation by the rules after it
    const ui = [signal('server', 'read', 'server:ui-automation', 0.5), signal('parameter', 'read', 'ui:target', 0.5)];
    expect(decide([neutral, signal('name', 'read', 'verb:get', 3), proseVerb('update'), ...ui]).category).toBe('read');
    expect(decide([signal('name', 'read', 'verb:get', 3), signal('name', 'read', 'object:pod', 0.5)]).category).toBe('read');
  });

  it('many by a filter needs the name word to sweep, not just to say "all"', () => {
    expect(decide([nameVerb('delete'), signal('name', 'write', 'word:all', 1, 'all')]).many).toBe('one');
  });

  it('on a UI server, only closing widens a session action to in-place', () => {
    const ui = signal('server', 'read', 'server:ui-automation', 0.5);
    expect(decide([nameVerb('close', 'execute', 3), ui]).destructiveScope).toBe('in-place');
    expect(decide([nameVerb('update', 'execute', 3), ui]).destructiveScope).toBe('none');
    // deleting is never only a session action
    expect(decide([nameVerb('delete', 'execute', 3), ui]).destructiveScope).toBe('item');
  });

  it('file rules need their own verbs: producing with a file target, writing with a file noun; an overwrite mode only on a write', () => {
    expect(decide([nameVerb('create'), signal('parameter', 'write', 'param:output-file', 0.5)]).destructiveScope).toBe('none');
    expect(decide([nameVerb('export'), signal('parameter', 'write', 'param:output-file', 0.5)]).destructiveScope).toBe('item');
    expect(decide([nameVerb('create'), signal('name', 'write', 'noun:file', 1)]).destructiveScope).toBe('none');
    expect(decide([nameVerb('push'), signal('name', 'write', 'noun:file', 1)]).destructiveScope).toBe('item');
    // only a name verb at full weight
    expect(decide([nameVerb('export', 'write', 2), signal('parameter', 'write', 'param:output-file', 0.5)]).destructiveScope).toBe('none');
    expect(decide([nameVerb('push', 'write', 2), signal('name', 'write', 'noun:file', 1)]).destructiveScope).toBe('none');
    expect(decide([nameVerb('run', 'execute', 3), signal('parameter', 'write', 'param:overwrite-mode', 0.5)]).destructiveScope).toBe('none');
  });
});

describe('money and privileges', () => {
  it('money moves when the name, title or description says so on a tool that changes things; not from a parameter', () => {
    const charge = (family: Signal['family'], weight = 1) => signal(family, 'financial', 'word:charge', weight);
    expect(decide([nameVerb('create'), charge('name')]).financial).toBe(true);
    expect(decide([nameVerb('create'), charge('description')]).financial).toBe(true);
    expect(decide([nameVerb('create'), charge('title')]).financial).toBe(true);
    expect(decide([nameVerb('create'), charge('parameter', 3)]).financial).toBe(false);
    expect(decide([nameVerb('create'), charge('description', 0.9)]).financial).toBe(false);
    expect(decide([signal('name', 'read', 'verb:get', 3), charge('description')]).financial).toBe(false);
  });

  it('privileged needs a privileged name word and a deciding verb that writes or executes', () => {
    const role = signal('name', 'privileged', 'word:role', 1);
    expect(decide([nameVerb('update'), role]).privileged).toBe(true);
    expect(decide([nameVerb('run', 'execute', 3), proseVerb('update', 'write', 1.5), role]).privileged).toBe(true);
    expect(decide([nameVerb('update', 'write', 2), proseVerb('update', 'write', 1.4), role]).privileged).toBe(false);
    expect(decide([nameVerb('update'), signal('description', 'privileged', 'word:role', 1)]).privileged).toBe(false);
    // an executing verb is enough; a reading one is not, even on a tool that writes
    expect(decide([nameVerb('run', 'execute', 3), role]).privileged).toBe(true);
    expect(decide([signal('name', 'read', 'verb:get', 3), signal('description', 'write', 'word:x', 1.5), role]).privileged).toBe(false);
  });
});

describe('risk from the verdict (the rubric)', () => {
  const verdict = verdictOf;
  it('reads are low, medium when sensitive', () => {
    expect(riskOf(verdict({}), [])).toBe('low');
    expect(riskOf(verdict({ sensitive: true }), [])).toBe('medium');
    // (a read of every secret or variable at once is the rubric's dump: high)
    expect(riskOf(verdict({ sensitive: true, dumpsSecrets: true }), [])).toBe('high');
  });
  it('writes by scope: in place medium (high over a filter), an item high, broad critical', () => {
    expect(riskOf(verdict({ category: 'write' }), [])).toBe('medium');
    expect(riskOf(verdict({ category: 'write', destructiveScope: 'in-place' }), [])).toBe('medium');
    expect(riskOf(verdict({ category: 'write', destructiveScope: 'in-place', many: 'filter' }), [])).toBe('high');
    expect(riskOf(verdict({ category: 'write', destructiveScope: 'item' }), [])).toBe('high');
    expect(riskOf(verdict({ category: 'write', destructiveScope: 'broad' }), [])).toBe('critical');
  });
  it('execution is high, critical when broad; money, privileges, host code and writing queries are critical', () => {
    expect(riskOf(verdict({ category: 'execute' }), [])).toBe('high');
    expect(riskOf(verdict({ category: 'execute', destructiveScope: 'item' }), [])).toBe('high');
    expect(riskOf(verdict({ category: 'execute', destructiveScope: 'broad' }), [])).toBe('critical');
    for (const flag of ['financial', 'privileged', 'hostCode', 'writeQuery'] as const) expect(riskOf(verdict({ category: 'write', [flag]: true }), []), flag).toBe('critical');
  });
  it('poisoning makes any tool critical; a note changes nothing', () => {
    const poisoned = { kind: 'hidden-instructions', severity: 'poisoning', message: 'm', evidence: 'e', where: 'description' } as unknown as DescriptionWarning;
    const note = { kind: 'long-description', severity: 'note', message: 'm', evidence: 'e', where: 'description' } as unknown as DescriptionWarning;
    expect(riskOf(verdict({}), [poisoned])).toBe('critical');
    expect(riskOf(verdict({}), [note])).toBe('low');
  });
});
