// How `npm run mutate:chunks` cuts a source file into ranges for StrykerJS (`--mutate file:start-end`).
// Stryker drops a mutant that does not lie wholly inside the range it is given, so ranges start only
// where a top-level declaration (with its leading comment) starts, and no function is cut in two.

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

/** Ranges [start, end] covering the whole file, each ending just before a cut point, of about `size` lines or more. */
export function ranges(source: string, size: number): [number, number][] {
  const total = source.split('\n').length;
  const points = cutPoints(source).filter((point) => point > 1);
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
