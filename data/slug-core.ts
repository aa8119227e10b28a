// The pure part of slugs, shared by Node (data/slug.ts) and the browser (the search worker), which
// each bring their own sha256.
const MAX_READABLE = 120;
const PLAIN_TOOL = /^[a-z0-9][a-z0-9-]{0,99}$/;
const HASH_SUFFIX = /-[0-9a-f]{8}$/;

/** The readable part of a hashed slug: sanitized, capped, never empty. */
export function readableSlug(text: string): string {
  const readable = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, MAX_READABLE)
    .replace(/[.-]+$/, '');
  return readable || 'x';
}

/** True when a tool name is used as its own URL segment (no hash needed). */
export function isPlainToolName(name: string): boolean {
  return PLAIN_TOOL.test(name) && !HASH_SUFFIX.test(name);
}

/** A tool's URL segment, given the first 8 hex digits of the sha256 of its exact name. */
export function toolSlugFrom(name: string, hash8: string): string {
  return isPlainToolName(name) ? name : `${readableSlug(name)}-${hash8}`;
}
