// Progress for long crawls: a live status line on a terminal, plain lines otherwise.
export interface ProgressCounts {
  done: number;
  failed: number;
  skipped: number;
  total: number;
  current: string[];
}

export interface ProgressReporter {
  started(name: string): void;
  finished(name: string, line: string, ok: boolean): void;
  skipped(name: string, line: string): void;
  close(): void;
}

export function createProgress(total: number, stream: NodeJS.WriteStream | { write(text: string): unknown; isTTY?: boolean } = process.stderr): ProgressReporter {
  const counts: ProgressCounts = { done: 0, failed: 0, skipped: 0, total, current: [] };
  const live = Boolean(stream.isTTY) && !process.env.CI;
  const columns = (stream as NodeJS.WriteStream).columns ?? 100;
  const statusLine = (): string => {
    const remaining = counts.total - counts.done - counts.failed - counts.skipped;
    const now = counts.current.length ? ` · now: ${counts.current.join(', ')}` : '';
    return `done ${counts.done}, failed ${counts.failed}, skipped ${counts.skipped}, remaining ${remaining}${now}`.slice(0, columns - 1);
  };
  const print = (line?: string): void => {
    if (live) {
      stream.write(`\r\x1b[2K${line === undefined ? '' : `${line}\n`}${statusLine()}`);
    } else if (line !== undefined) {
      const position = counts.done + counts.failed + counts.skipped;
      stream.write(`[${position}/${counts.total}] ${line}\n`);
    }
  };
  return {
    started(name) {
      counts.current.push(name);
      print();
    },
    finished(name, line, ok) {
      counts.current = counts.current.filter((current) => current !== name);
      if (ok) counts.done += 1;
      else counts.failed += 1;
      print(line);
    },
    skipped(name, line) {
      counts.skipped += 1;
      print(line);
    },
    close() {
      if (live) stream.write('\r\x1b[2K');
    },
  };
}
