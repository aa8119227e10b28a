// The project's own source holds no raw control characters: a backspace typed where `\b` was meant
// (as rules-26 once did in a pattern of classifier/signals.ts) makes a pattern that never matches,
// and neither the compiler nor the linter notices. Escapes (`\x08`, `\u0000`) are fine; raw bytes are not.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

const FOLDERS = ['bin', 'classifier', 'crawler', 'data', 'scan', 'site/src', 'tests', 'eslint-rules'];
const SOURCE = /\.(ts|mts|js|mjs|astro)$/;

function sourceFiles(): string[] {
  return FOLDERS.flatMap((folder) =>
    readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
      .filter((name) => SOURCE.test(name) && !name.split(/[\\/]/).includes('node_modules'))
      .map((name) => join(folder, name)),
  );
}

describe('the source files', () => {
  it('hold no raw control character other than tab, newline and carriage return', () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(100);
    const found: string[] = [];
    for (const file of files) {
      readFileSync(join(ROOT, file), 'utf8').split('\n').forEach((line, i) => {
        const match = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.exec(line);
        if (match) found.push(`${file}:${i + 1}: U+${match[0].charCodeAt(0).toString(16).padStart(4, '0')} at column ${match.index + 1}`);
      });
    }
    expect(found).toEqual([]);
  });
});
