// Server-supplied text shown in a terminal: control characters (which could move the cursor or
// rewrite the screen), bidirectional and invisible characters are shown as visible escapes.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]|[\u{e0000}-\u{e007f}]/gu;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (char) => {
    if (char === '\n' || char === '\t') return ' ';
    const code = char.codePointAt(0)!;
    return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Cuts to `width` characters (code points), marking the cut with an ellipsis. */
export function fit(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text + ' '.repeat(width - chars.length) : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

/** A plain-text table; every cell is made terminal-safe first. */
export function renderTable(headers: string[], rows: string[][], maxWidths: number[]): string {
  const safeRows = rows.map((row) => row.map((cell) => terminalSafe(cell)));
  const widths = headers.map((header, column) =>
    Math.min(maxWidths[column] ?? 40, Math.max([...header].length, ...safeRows.map((row) => [...(row[column] ?? '')].length))),
  );
  const line = (cells: string[]): string => cells.map((cell, column) => fit(cell, widths[column]!)).join('  ').trimEnd();
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...safeRows.map(line)].join('\n');
}
