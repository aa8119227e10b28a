// File names derived from attacker-controlled names. A slug is always a safe single path segment
// and URL segment ([a-z0-9._-], no leading dot, at most 140 characters), and two different names
// never get the same slug.
import { createHash } from 'node:crypto';
import { readableSlug, toolSlugFrom } from './slug-core.ts';

const REGISTRY_NAME = /^[a-z0-9][a-z0-9.-]*\/[a-z0-9][a-z0-9._-]*$/;
const MAX_READABLE = 120;

function shortHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 8);
}

/**
 * The file name (without extension) for a server's records. A lowercase registry name
 * `namespace/name` maps to `namespace__name` (reversible: a namespace cannot contain `_`);
 * any other name maps to a sanitized form plus `-` and a hash of the exact name, which never
 * contains `__`, so the two forms cannot collide.
 */
export function serverSlug(name: string): string {
  if (REGISTRY_NAME.test(name) && name.length <= MAX_READABLE) return name.replace('/', '__');
  return hashedSlug(name);
}

/** A readable, collision-free slug for any text: sanitized, capped, with a hash of the exact text. */
export function hashedSlug(text: string): string {
  return `${readableSlug(text)}-${shortHash(text)}`;
}

/** True when a string is safe to use as one path or URL segment. */
export function isSafeSegment(segment: string): boolean {
  return /^[a-z0-9_-][a-z0-9._-]{0,139}$/.test(segment);
}

/**
 * A tool's URL segment, unique within its server: a lowercase name of letters, digits and dashes
 * is used as it is (`create-issue`); any other name (`create_issue`, `CreateIssue`, `../x`, unicode,
 * 1,000 characters) gets a readable form plus a hash of the exact name, so names differing only by
 * `_` and `-`, or by case, get distinct URLs. A plain name that itself ends like a hash is hashed
 * too, so the two forms never meet. (The search worker computes the same with data/slug-core.ts.)
 */
export function toolSlug(name: string): string {
  return toolSlugFrom(name, shortHash(name));
}
