// The classifier's code stays readable: no engine file over 800 lines, and no line of code over
// 300 characters anywhere in classifier/ (a long pattern is written one alternative a line). Prose
// inside a plain template string (the model reviewer's prompt) is text, not code, and may run on.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { ROOT } from '../helpers.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** The lines of a file over `limit` characters that do not start inside an untagged template string. */
export function longCodeLines(file: string, text: string, limit = 300): number[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const prose: [number, number][] = [];
  const visit = (node: ts.Node) => {
    if (ts.isNoSubstitutionTemplateLiteral(node) && !ts.isTaggedTemplateExpression(node.parent)) prose.push([node.getStart(), node.getEnd()]);
    ts.forEachChild(node, visit);
  };
  visit(source);
  const long: number[] = [];
  let start = 0;
  text.split('\n').forEach((line, i) => {
    const end = start + line.length;
    if (line.length > limit && !prose.some(([from, to]) => from < start && start < to)) long.push(i + 1);
    start = end + 1;
  });
  return long;
}

describe('the classifier code', () => {
  const files = sourceFiles(join(ROOT, 'classifier'));
  it('has no line of code over 300 characters', () => {
    expect(files.length).toBeGreaterThan(20);
    const long = files.flatMap((file) => longCodeLines(file, readFileSync(file, 'utf8')).map((line) => `${relative(ROOT, file)}:${line}`));
    expect(long).toEqual([]);
  });
  it('keeps every engine file within 800 lines', () => {
    const engine = files.filter((file) => file.includes(`${join('classifier', 'engine')}`));
    expect(engine.length).toBeGreaterThan(3);
    for (const file of engine) expect(readFileSync(file, 'utf8').split('\n').length, relative(ROOT, file)).toBeLessThanOrEqual(800);
  });
  it('tells a long code line from prose in a template string', () => {
    const code = `const A = /${'a|'.repeat(200)}b/;\nconst P = \`\n${'word '.repeat(80)}\n\`;\nconst R = String.raw\`\n${'x|'.repeat(200)}\n\`;\n`;
    expect(longCodeLines('x.ts', code)).toEqual([1, 6]);
  });
});
