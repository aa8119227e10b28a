// How `npm run mutate:chunks` cuts a source file into ranges for StrykerJS (`--mutate file:start-end`).
// Stryker drops a mutant that does not lie wholly inside the range it is given, so ranges start only
// where a top-level declaration (with its leading comment) starts, and no function is cut in two,
// but a function longer than twice the size asked: its run would take hours (every mutant of a rules
// function runs every suite) and is lost when a session stops, so it is cut between the statements of
// its body. Only the mutants that span a cut are lost: the body's own block (`{}`), which any test of the
// function kills; every statement stays whole in one range.

/** The 1-based lines where a top-level declaration or statement starts (a range may begin at any of them). */
export function cutPoints(source: string): number[] {
  const lines = source.split('\n');
  const points: number[] = [];
  lines.forEach((line, i) => {
    if (/^(export\s+)?(async\s+)?(function|const|let|class|type|interface|enum|for|if)\b/.test(line)) {
      // (a declaration's leading comment lines belong to it)
      let start = i;
      while (start > 0 && /^\s*(\/\/|\/\*|\*)/.test(lines[start - 1]!)) start -= 1;
      points.push(start + 1);
    }
  });
  return points;
}

/**
 * The 1-based lines where a statement of a long top-level function's body starts (with its leading comment
 * lines): a statement indented one level (two spaces) after a line that ends one (`;`, `{`, `}`), in a
 * function of more than `longer` lines. A statement that goes on over lines stays whole: its own lines
 * are indented deeper or begin with a closing bracket.
 */
export function bodyCutPoints(source: string, longer: number): number[] {
  const lines = source.split('\n');
  const points: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^(export\s+)?(async\s+)?function\b.*\{\s*$/.test(lines[i]!)) continue;
    const end = lines.indexOf('}', i + 1);
    if (end === -1 || end - i + 1 <= longer) continue;
    for (let j = i + 2; j < end; j++) {
      // (not a comment, a closing bracket, an operator going on from the line before, or the `else` of an `if`)
      if (!/^ {2}(?![\s})\].,?:&|+*/-])\S/.test(lines[j]!) || /^ {2}(\/\/|\/\*|\*|else\b|catch\b|finally\b)/.test(lines[j]!)) continue;
      // (the line before, past the statement's own comment lines, ends the statement before)
      let start = j;
      while (start > i + 1 && /^ {2}(\/\/|\/\*|\*)/.test(lines[start - 1]!)) start -= 1;
      if (/[;{}]\s*$/.test(lines[start - 1]!)) points.push(start + 1);
    }
    i = end;
  }
  return points;
}

/** Ranges [start, end] covering the whole file, each ending just before a cut point, of about `size` lines or more. */
export function ranges(source: string, size: number): [number, number][] {
  const total = source.split('\n').length;
  const points = [...cutPoints(source), ...bodyCutPoints(source, 2 * size)].sort((a, b) => a - b).filter((point) => point > 1);
  const out: [number, number][] = [];
  let start = 1;
  for (const point of points) {
    if (point - start >= size) {
      out.push([start, point - 1]);
      start = point;
    }
  }
  // (a short tail joins the range before it: each range costs a dry run of the suites)
  const last = out.at(-1);
  if (last && total - start + 1 < size / 2) last[1] = total;
  else out.push([start, total]);
  return out;
}

/**
 * What is left of `range` once the `covered` ranges (measured already: kept records that hold) are taken out, in order.
 * Both come from cuts at declarations, so what is left starts and ends at declarations too: a run can be cut smaller
 * (`--lines`) than the runs kept before without measuring their lines again.
 */
export function withoutCovered([start, end]: [number, number], covered: readonly (readonly [number, number])[]): [number, number][] {
  const out: [number, number][] = [];
  let from = start;
  for (const [a, b] of [...covered].sort((x, y) => x[0] - y[0])) {
    if (b < from || a > end) continue;
    if (a > from) out.push([from, a - 1]);
    from = Math.max(from, b + 1);
  }
  if (from <= end) out.push([from, end]);
  return out;
}

/** A chunk's report name: `classifier_signals@1-252` for lines 1-252 of classifier/signals.ts. */
export const chunkName = (file: string, [start, end]: [number, number]) => `${file.replace(/[\\/]/g, '_').replace(/\.ts$/, '')}@${start}-${end}`;

/**
 * The lines of `file` a report speaks for: the range in its name when it is one file's chunk
 * (`classifier_signals@767-1017.json`), else (a whole run, or small files sharing a run) the lines its
 * mutants span.
 */
export function reportRange(reportName: string, file: string, mutantLines: readonly number[]): [number, number] {
  const match = /@(\d+)-(\d+)\.json$/.exec(reportName);
  if (match && reportName === `${chunkName(file, [Number(match[1]), Number(match[2])])}.json`) return [Number(match[1]), Number(match[2])];
  return mutantLines.length ? [Math.min(...mutantLines), Math.max(...mutantLines)] : [1, 0];
}

/**
 * Whether a report written when the file read `then` still holds for it as it reads `now`: the lines
 * of its range are the same, at the same place. (A change elsewhere in the file, made without adding
 * or removing lines, leaves the other ranges' reports standing: only the range that changed runs again.)
 */
export function rangeUnchanged(then: string, now: string | undefined, [start, end]: [number, number]): boolean {
  if (now === undefined) return false;
  if (then === now) return true;
  const a = then.split('\n');
  const b = now.split('\n');
  if (end > a.length || end > b.length) return false;
  for (let line = start; line <= end; line++) if (a[line - 1] !== b[line - 1]) return false;
  return true;
}
