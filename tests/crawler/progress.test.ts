// The crawl's progress reporter, in the test process: a live status line on a terminal (rewritten in place, cut to the
// terminal's width), plain numbered lines elsewhere or under CI. The crawl tests see only the plain form, through the CLI.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProgress } from '../../crawler/progress.ts';

/** A stream that keeps what is written to it, one string a write. */
function stream(isTTY: boolean, columns?: number) {
  const writes: string[] = [];
  return { writes, isTTY, ...(columns === undefined ? {} : { columns }), write: (text: string) => writes.push(text) };
}

const CLEAR = '\r\x1b[2K';
let savedCI: string | undefined;
beforeEach(() => {
  savedCI = process.env.CI;
  delete process.env.CI;
});
afterEach(() => {
  if (savedCI === undefined) delete process.env.CI;
  else process.env.CI = savedCI;
});

describe('createProgress on a terminal', () => {
  it('rewrites one status line in place: counts, what remains and what is running now; each finished line goes above it', () => {
    const out = stream(true);
    const progress = createProgress(4, out);
    progress.started('alpha');
    progress.started('beta');
    progress.finished('alpha', 'ok alpha', true);
    progress.finished('beta', 'failed beta', false);
    progress.skipped('gamma', 'skipped gamma');
    progress.close();
    expect(out.writes).toEqual([
      `${CLEAR}done 0, failed 0, skipped 0, remaining 4 · now: alpha`,
      `${CLEAR}done 0, failed 0, skipped 0, remaining 4 · now: alpha, beta`,
      `${CLEAR}ok alpha\ndone 1, failed 0, skipped 0, remaining 3 · now: beta`,
      `${CLEAR}failed beta\ndone 1, failed 1, skipped 0, remaining 2`,
      `${CLEAR}skipped gamma\ndone 1, failed 1, skipped 1, remaining 1`,
      CLEAR,
    ]);
  });

  it("cuts the status line one short of the terminal's width (100 columns when it says none)", () => {
    const narrow = stream(true, 30);
    createProgress(2, narrow).started('a-server-with-a-long-name');
    expect(narrow.writes).toEqual([`${CLEAR}${'done 0, failed 0, skipped 0, remaining 2 · now: a-server-with-a-long-name'.slice(0, 29)}`]);
    const unknown = stream(true);
    createProgress(2, unknown).started('n'.repeat(200));
    expect(unknown.writes[0]).toHaveLength(CLEAR.length + 99);
  });
});

describe('createProgress elsewhere', () => {
  it('writes one numbered line per server finished or skipped, nothing when one starts, and nothing at the end', () => {
    const out = stream(false);
    const progress = createProgress(3, out);
    progress.started('alpha');
    progress.finished('alpha', 'ok alpha', true);
    progress.skipped('beta', 'skipped beta');
    progress.started('gamma');
    progress.finished('gamma', 'failed gamma', false);
    progress.close();
    expect(out.writes).toEqual(['[1/3] ok alpha\n', '[2/3] skipped beta\n', '[3/3] failed gamma\n']);
  });

  it('writes plain lines under CI even on a terminal', () => {
    process.env.CI = 'true';
    const out = stream(true);
    const progress = createProgress(1, out);
    progress.started('alpha');
    progress.finished('alpha', 'ok alpha', true);
    progress.close();
    expect(out.writes).toEqual(['[1/1] ok alpha\n']);
  });
});
