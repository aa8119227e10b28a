import { describe, expect, it } from 'vitest';
import { escapeRegExp } from '../../data/regexp.ts';

describe('escapeRegExp', () => {
  const specials = '.*+?^${}()|[]\\';

  it('makes a pattern that matches the text itself and nothing else', () => {
    for (const text of ['a.b', 'x*', 'get(id)', '[admin]', 'c:\\temp', '$HOME^2', 'a|b', 'n{2}', 'q?', specials]) {
      const pattern = new RegExp(`^${escapeRegExp(text)}$`);
      expect(pattern.test(text), text).toBe(true);
    }
    expect(new RegExp(`^${escapeRegExp('a.b')}$`).test('axb')).toBe(false);
    expect(new RegExp(`^${escapeRegExp('a|b')}$`).test('a')).toBe(false);
    expect(new RegExp(`^${escapeRegExp('x*')}$`).test('xxx')).toBe(false);
  });

  it('escapes every special character once and leaves other text alone', () => {
    expect(escapeRegExp(specials)).toBe('\\.\\*\\+\\?\\^\\$\\{\\}\\(\\)\\|\\[\\]\\\\');
    expect(escapeRegExp('read_file-2 /tmp')).toBe('read_file-2 /tmp');
  });
});
