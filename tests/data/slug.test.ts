import { describe, expect, it } from 'vitest';
import { hashedSlug, isSafeSegment, serverSlug, toolSlug } from '../../data/slug.ts';
import { isPlainToolName, readableSlug } from '../../data/slug-core.ts';

const ODD = ['io.github.a/b', 'IO.GITHUB.A/B', 'io.github.a/b_c', 'io.github.a/b-c', 'a/b/c', '..', '../..', '/', '', 'x'.repeat(1000), '工具/服务器', 'a b', 'a\u202eb', '__proto__', 'a--b', 'a/-b'];

describe('slugs', () => {
  it('maps lowercase registry names readably and reversibly', () => {
    expect(serverSlug('io.github.modelcontextprotocol/server-filesystem')).toBe('io.github.modelcontextprotocol__server-filesystem');
    expect(serverSlug('com.stripe/mcp')).toBe('com.stripe__mcp');
  });

  it('gives every name a safe, distinct slug', () => {
    const slugs = ODD.map(serverSlug);
    for (const slug of slugs) expect(isSafeSegment(slug), slug).toBe(true);
    expect(new Set(slugs).size).toBe(ODD.length);
    // names differing only by case or by _ and - stay apart
    expect(serverSlug('io.github.a/b_c')).not.toBe(serverSlug('io.github.a/b-c'));
    expect(serverSlug('IO.GITHUB.A/B')).not.toBe(serverSlug('io.github.a/b'));
  });

  it('hashed slugs are capped, safe for any text, and distinct for names that sanitize alike', () => {
    const names = ['Delete File', 'delete-file', 'delete_file', 'DELETE_FILE', '../../etc/passwd', '..', '.', 'x'.repeat(1000), '<script>', '\u0000'];
    const slugs = names.map(hashedSlug);
    for (const slug of slugs) {
      expect(isSafeSegment(slug), slug).toBe(true);
      expect(slug.length).toBeLessThanOrEqual(140);
    }
    expect(new Set(slugs).size).toBe(names.length);
    expect(hashedSlug('Delete File')).toMatch(/^delete-file-[0-9a-f]{8}$/);
  });

  it('the readable part: lower case, one dash for each run of other characters, one dot for a run of dots, no dot or dash at either end, at most 120 characters', () => {
    expect(readableSlug('Hello  World!!')).toBe('hello-world');
    expect(readableSlug('A--B')).toBe('a-b');
    expect(readableSlug('a...b')).toBe('a.b');
    expect(readableSlug('..-x-..')).toBe('x');
    expect(readableSlug('!!!')).toBe('x');
    expect(readableSlug('v1.2')).toBe('v1.2');
    expect(readableSlug('a'.repeat(130))).toBe('a'.repeat(120));
    // cut at 120, then what the cut leaves at the end is trimmed
    expect(readableSlug(`${'a'.repeat(119)}-b`)).toBe('a'.repeat(119));
    expect(readableSlug(`${'a'.repeat(118)}.-b`)).toBe('a'.repeat(118));
  });

  it('a tool name is its own segment only when lower case letters, digits and dashes, at most 100, not ending like a hash', () => {
    expect(isPlainToolName('create-issue')).toBe(true);
    expect(isPlainToolName('x'.repeat(100))).toBe(true);
    expect(isPlainToolName('abc-0123abc')).toBe(true);
    // (a hash-like part that is not the ending is no hash)
    expect(isPlainToolName('abc-0123abcd-x')).toBe(true);
    for (const name of ['create_issue', 'Create', '-x', 'x'.repeat(101), 'abc-0123abcd', '', 'a.b']) expect(isPlainToolName(name), name).toBe(false);
    expect(toolSlug('create-issue')).toBe('create-issue');
    expect(toolSlug('create_issue')).toMatch(/^create-issue-[0-9a-f]{8}$/);
    expect(toolSlug('abc-0123abcd')).toMatch(/^abc-0123abcd-[0-9a-f]{8}$/);
  });

  it('a safe segment: no leading dot, no slash or capital, 1 to 140 characters', () => {
    for (const segment of ['a', '_a', '-a', 'a.b', 'x'.repeat(140)]) expect(isSafeSegment(segment), segment).toBe(true);
    for (const segment of ['', '.hidden', 'a/b', 'A', 'x'.repeat(141), 'a b', 'a\nb']) expect(isSafeSegment(segment), segment).toBe(false);
  });

  it('only a whole lowercase registry name of at most 120 characters keeps its readable form', () => {
    expect(serverSlug(`a/${'b'.repeat(118)}`)).toBe(`a__${'b'.repeat(118)}`);
    expect(serverSlug(`a/${'b'.repeat(119)}`)).toMatch(/-[0-9a-f]{8}$/);
    expect(serverSlug('a./b')).toBe('a.__b');
    for (const name of ['x a/b', 'a/b x', '-a/b', 'a/-b', '.a/b']) expect(serverSlug(name), name).toMatch(/-[0-9a-f]{8}$/);
  });
});
