import { describe, expect, it } from 'vitest';
import { hashedSlug, isSafeSegment, serverSlug } from '../../data/slug.ts';

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
});
