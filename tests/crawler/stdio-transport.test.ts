// GroupStdioTransport's edges, in the test process: the crawl tests reach it only through whole crawls (and the CLI's
// child processes), which leave its caps, noise, broken pipes and kill-after-TERM unchecked. Each test drives it against a small real Node script over real pipes.
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { groupAlive, groupMembers, GroupStdioTransport, type StdioLaunch } from '../../crawler/stdio-transport.ts';
import { ROOT, tempDir } from '../helpers.ts';

const TIMEOUT = 60_000;

// One script, several behaviours. Every mode stops itself after 20 s, so a broken transport leaves nothing behind.
//   scripted: obeys JSON-RPC lines on stdin: out/err write params.text to stdout/stderr in ONE write; exit exits.
//   closed-stdin: closes its end of stdin, says ready, waits.
//   graceful: on SIGTERM, exits with code 7 a moment later.
//   stubborn: ignores SIGTERM, as does the grandchild it starts (same process group).
//   talks-on: ignores SIGTERM; writes a 150-byte line, then a notification 'after' 200 ms later, then waits.
const CHILD = String.raw`
import { closeSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
const mode = process.argv[2];
setTimeout(() => process.exit(0), 20_000);
const ready = (params) => process.stdout.write(JSON.stringify({ jsonrpc: '2.0', method: 'ready', params }) + '\n');
if (mode === 'scripted') {
  createInterface({ input: process.stdin }).on('line', (line) => {
    const { method, params } = JSON.parse(line);
    if (method === 'out') process.stdout.write(params.text);
    if (method === 'err') process.stderr.write(params.text);
    if (method === 'exit') process.exit(params.code);
  });
} else if (mode === 'closed-stdin') {
  closeSync(0);
  ready({});
} else if (mode === 'graceful') {
  process.on('SIGTERM', () => setTimeout(() => process.exit(7), 100));
  ready({});
} else if (mode === 'stubborn') {
  process.on('SIGTERM', () => {});
  const grandchild = spawn(process.execPath, [process.argv[1], 'grandchild'], { stdio: ['ignore', 'pipe', 'ignore'] });
  grandchild.stdout.once('data', () => ready({ grandchild: grandchild.pid }));
} else if (mode === 'talks-on') {
  process.on('SIGTERM', () => {});
  process.stdout.write('x'.repeat(150) + '\n');
  setTimeout(() => process.stdout.write(JSON.stringify({ jsonrpc: '2.0', method: 'after' }) + '\n'), 200);
} else if (mode === 'grandchild') {
  process.on('SIGTERM', () => {});
  process.stdout.write('up\n');
}
`;

let folder: Awaited<ReturnType<typeof tempDir>>;
let script: string;
const started: GroupStdioTransport[] = [];

beforeAll(async () => {
  folder = await tempDir('toolrisk-stdio-');
  script = join(folder.path, 'child.mjs');
  await writeFile(script, CHILD);
});

afterEach(async () => {
  // (a failed test must not leave its server running)
  await Promise.all(started.splice(0).filter((transport) => !transport.exitStatus).map((transport) => transport.killTree(0)));
});

afterAll(async () => {
  await folder.remove();
});

interface Run {
  transport: GroupStdioTransport;
  messages: JSONRPCMessage[];
  errors: Error[];
  /** Resolves when the transport reports close. */
  closed: Promise<void>;
  /** The next message not yet taken by an earlier next(); rejects if the transport closes first. */
  next(): Promise<JSONRPCMessage>;
  /** Tells a scripted child to write text to stdout (err: stderr) in one write. */
  out(text: string): Promise<void>;
  err(text: string): Promise<void>;
  exit(code: number): Promise<void>;
}

function launch(mode: string, options: Partial<StdioLaunch> & { onerror?: boolean; onmessage?: boolean } = {}): Run {
  const { onerror = true, onmessage = true, ...limits } = options;
  const transport = new GroupStdioTransport({ command: process.execPath, args: [script, mode], env: {}, cwd: folder.path, ...limits });
  started.push(transport);
  const messages: JSONRPCMessage[] = [];
  const errors: Error[] = [];
  let taken = 0;
  const waiters: (() => void)[] = [];
  if (onmessage) {
    transport.onmessage = (message) => {
      messages.push(message);
      waiters.splice(0).forEach((wake) => wake());
    };
  }
  if (onerror) transport.onerror = (error) => errors.push(error);
  let isClosed = false;
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => {
      isClosed = true;
      waiters.splice(0).forEach((wake) => wake());
      resolve();
    };
  });
  const next = async (): Promise<JSONRPCMessage> => {
    while (messages.length <= taken) {
      if (isClosed) throw new Error(`the transport closed first${transport.failure ? `: ${transport.failure.message}` : ''}`);
      await new Promise<void>((wake) => waiters.push(wake));
    }
    return messages[taken++]!;
  };
  const command = (method: string, params: Record<string, unknown>) => transport.send({ jsonrpc: '2.0', method, params });
  return {
    transport,
    messages,
    errors,
    closed,
    next,
    out: (text) => command('out', { text }),
    err: (text) => command('err', { text }),
    exit: (code) => command('exit', { code }),
  };
}

/** A JSON-RPC notification of exactly `bytes` bytes (ASCII). */
function notification(bytes: number, method = 'n'): string {
  const base = JSON.stringify({ jsonrpc: '2.0', method, params: { pad: '' } }).length;
  const line = JSON.stringify({ jsonrpc: '2.0', method, params: { pad: 'p'.repeat(bytes - base) } });
  expect(line).toHaveLength(bytes);
  return line;
}

const marker = (name: string) => JSON.stringify({ jsonrpc: '2.0', method: name });

/** Waits, without yielding to the event loop (so Node cannot reap it), until the process is a zombie. */
function waitForZombieSync(pid: number): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let round = 0; round < 2000; round++) {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) return;
    Atomics.wait(pause, 0, 0, 10);
  }
  throw new Error(`process ${pid} did not exit`);
}

describe('GroupStdioTransport: before and around the process', () => {
  it('before start there is no pid, send rejects as not running, and close does nothing', async () => {
    const transport = new GroupStdioTransport({ command: process.execPath, args: [], env: {}, cwd: '.' });
    expect(transport.pid).toBeUndefined();
    await expect(transport.send({ jsonrpc: '2.0', method: 'ping' })).rejects.toThrow('the server process is not running');
    await expect(transport.close()).resolves.toBeUndefined();
    await expect(transport.killTree()).resolves.toBeUndefined();
    expect(transport.exitStatus).toBeUndefined();
  });

  it('a command that does not exist rejects start with ENOENT and reports it through onerror', async () => {
    const transport = new GroupStdioTransport({ command: join(folder.path, 'no-such-server'), args: [], env: {}, cwd: folder.path });
    const errors: Error[] = [];
    transport.onerror = (error) => errors.push(error);
    await expect(transport.start()).rejects.toMatchObject({ code: 'ENOENT' });
    expect(errors.map((error) => (error as NodeJS.ErrnoException).code)).toEqual(['ENOENT']);
    await transport.killTree();
  }, TIMEOUT);

  it('a server that exits on its own: exit code, its stderr, and close are reported', async () => {
    const run = launch('scripted');
    await run.transport.start();
    await run.err('fatal: missing API key\n');
    await run.exit(3);
    await run.closed;
    expect(run.transport.exitStatus).toEqual({ code: 3, signal: null });
    expect(run.transport.stderr).toBe('fatal: missing API key\n');
    expect(run.messages).toEqual([]);
    expect(run.errors).toEqual([]);
  }, TIMEOUT);

  it('close() stops a running server with SIGTERM, leaves nothing of its group, and later sends reject', async () => {
    const run = launch('scripted');
    await run.transport.start();
    const pid = run.transport.pid!;
    await run.out(`${marker('alive')}\n`);
    expect(await run.next()).toEqual({ jsonrpc: '2.0', method: 'alive' });
    expect(groupMembers(pid)).toEqual([pid]);
    expect(groupAlive(pid)).toBe(true);
    await run.transport.close();
    expect(groupMembers(pid)).toEqual([]);
    await run.closed;
    expect(run.transport.exitStatus).toEqual({ code: null, signal: 'SIGTERM' });
    await expect(run.transport.send({ jsonrpc: '2.0', method: 'ping' })).rejects.toThrow('the server process is not running');
  }, TIMEOUT);

  it('a server that exits on SIGTERM within the grace period is not SIGKILLed: its own exit code is kept', async () => {
    const run = launch('graceful');
    await run.transport.start();
    await run.next(); // its SIGTERM handler is in place
    await run.transport.killTree(10_000);
    await run.closed;
    expect(run.transport.exitStatus).toEqual({ code: 7, signal: null });
  }, TIMEOUT);

  it('a group that ignores SIGTERM is SIGKILLed after the grace period, grandchild included, before killTree returns', async () => {
    const run = launch('stubborn');
    await run.transport.start();
    const pid = run.transport.pid!;
    const ready = await run.next();
    expect(ready).toMatchObject({ method: 'ready', params: { grandchild: expect.any(Number) } });
    const grandchild = (ready as unknown as { params: { grandchild: number } }).params.grandchild;
    expect(groupMembers(pid)!.sort((a, b) => a - b)).toEqual([pid, grandchild].sort((a, b) => a - b));
    await run.transport.killTree(300);
    expect(groupMembers(pid)).toEqual([]);
    expect(groupAlive(pid)).toBe(false);
    await run.closed;
    expect(run.transport.exitStatus).toEqual({ code: null, signal: 'SIGKILL' });
  }, TIMEOUT);

  it('a server that exited but is not yet reaped (a zombie) no longer counts as alive', async () => {
    const run = launch('scripted');
    await run.transport.start();
    const pid = run.transport.pid!;
    await run.out(`${marker('alive')}\n`);
    await run.next();
    expect(groupAlive(pid)).toBe(true);
    const sent = run.exit(0); // (the write to its stdin happens now)
    waitForZombieSync(pid);
    expect(groupMembers(pid)).toEqual([]);
    expect(groupAlive(pid)).toBe(false);
    await sent;
    await run.closed;
    expect(run.transport.exitStatus).toEqual({ code: 0, signal: null });
  }, TIMEOUT);

  it('a write to a server that closed its stdin rejects send and reports the broken pipe through onerror', async () => {
    const run = launch('closed-stdin');
    await run.transport.start();
    await run.next();
    await expect(run.transport.send({ jsonrpc: '2.0', method: 'ping' })).rejects.toMatchObject({ code: 'EPIPE' });
    expect(run.errors.map((error) => (error as NodeJS.ErrnoException).code)).toEqual(['EPIPE']);
  }, TIMEOUT);

  it('with no onerror listener, a broken pipe only rejects send', async () => {
    const run = launch('closed-stdin', { onerror: false });
    await run.transport.start();
    await run.next();
    await expect(run.transport.send({ jsonrpc: '2.0', method: 'ping' })).rejects.toMatchObject({ code: 'EPIPE' });
    await run.transport.close();
    await run.closed;
    expect(run.transport.exitStatus).toEqual({ code: null, signal: 'SIGTERM' });
  }, TIMEOUT);
});

describe('GroupStdioTransport: stdout lines', () => {
  it('delivers JSON-RPC lines (LF or CRLF) and counts other non-blank lines as noise, keeping three samples of 200 characters', async () => {
    const run = launch('scripted');
    await run.transport.start();
    const long = 'y'.repeat(300);
    await run.out(
      [
        'progress 10%\rprogress 20%\r',
        '',
        '  \t ',
        '{"jsonrpc":"2.0","method":"first"}',
        long,
        '{not json',
        '{"jsonrpc":"1.0","method":"wrong version"}',
        '{"jsonrpc":"2.0","id":1,"result":{}}\r',
        'log: done',
        '',
      ].join('\n'),
    );
    await run.exit(0);
    await run.closed;
    expect(run.messages).toEqual([
      { jsonrpc: '2.0', method: 'first' },
      { jsonrpc: '2.0', id: 1, result: {} },
    ]);
    expect(run.transport.noiseLines).toBe(5);
    expect(run.transport.noiseSamples).toEqual(['progress 10%\rprogress 20%', 'y'.repeat(200), '{not json']);
    expect(run.transport.stderr).toBe('');
  }, TIMEOUT);

  it('a message that arrives before anyone listens is dropped, and the lines after it are still read', async () => {
    const run = launch('scripted', { onmessage: false });
    await run.transport.start();
    await run.out(`${marker('early')}\nbanner\n`);
    await run.exit(0);
    await run.closed;
    expect(run.transport.noiseLines).toBe(1);
    expect(run.transport.noiseSamples).toEqual(['banner']);
  }, TIMEOUT);
});

describe('GroupStdioTransport: the cap on one message', () => {
  it('accepts messages of exactly the cap: two in one chunk, one split across chunks, one whose newline comes later', async () => {
    const run = launch('scripted', { maxMessageBytes: 200 });
    await run.transport.start();
    const whole = [notification(200, 'a'), notification(200, 'b')];
    await run.out(`${whole[0]}\n${whole[1]}\n`);
    expect([await run.next(), await run.next()]).toEqual(whole.map((line) => JSON.parse(line)));

    // (a complete message ahead of the piece, in the same write, tells when the piece has been read)
    const split = notification(200, 'c');
    await run.out(`${marker('m1')}\n${split.slice(0, 120)}`);
    expect(await run.next()).toEqual({ jsonrpc: '2.0', method: 'm1' });
    await run.out(`${split.slice(120)}\n`);
    expect(await run.next()).toEqual(JSON.parse(split));

    const late = notification(200, 'd');
    await run.out(`${marker('m2')}\n${late}`);
    expect(await run.next()).toEqual({ jsonrpc: '2.0', method: 'm2' });
    await run.out('\n');
    expect(await run.next()).toEqual(JSON.parse(late));

    expect(run.transport.failure).toBeUndefined();
    expect(run.errors).toEqual([]);
    expect(run.transport.noiseLines).toBe(0);
  }, TIMEOUT);

  it('a line one byte past the cap stops the server with a reason naming the cap in bytes', async () => {
    const run = launch('scripted', { maxMessageBytes: 100 });
    await run.transport.start();
    await run.out(`${notification(101)}\n`);
    await expect(run.next()).rejects.toThrow('the transport closed first');
    expect(run.transport.failure?.message).toBe('a stdout message passed the 100-byte cap on one message; the server is stopped');
    expect(run.errors).toEqual([run.transport.failure]);
    await run.closed;
    expect(run.transport.exitStatus).toEqual({ code: null, signal: 'SIGTERM' });
  }, TIMEOUT);

  it('a line past the cap in two pieces, each under it, stops the server too (with no onerror listener)', async () => {
    const run = launch('scripted', { maxMessageBytes: 100, onerror: false });
    await run.transport.start();
    const line = notification(101);
    await run.out(`${marker('m')}\n${line.slice(0, 60)}`);
    expect(await run.next()).toEqual({ jsonrpc: '2.0', method: 'm' });
    await run.out(`${line.slice(60)}\n`);
    await expect(run.next()).rejects.toThrow('the transport closed first');
    expect(run.transport.failure?.message).toBe('a stdout message passed the 100-byte cap on one message; the server is stopped');
    await run.closed;
    expect(run.transport.exitStatus).toEqual({ code: null, signal: 'SIGTERM' });
  }, TIMEOUT);

  it('a server that goes on writing after its line past the cap (and ignores SIGTERM) is read afresh meanwhile, not from the dropped line', async () => {
    // (the line past the cap is dropped whole; what the server writes during the grace period starts a new line)
    const run = launch('talks-on', { maxMessageBytes: 100 });
    await run.transport.start();
    expect(await run.next()).toEqual({ jsonrpc: '2.0', method: 'after' });
    expect(run.transport.failure?.message).toBe('a stdout message passed the 100-byte cap on one message; the server is stopped');
    expect(run.errors).toEqual([run.transport.failure]);
    expect(run.transport.noiseLines).toBe(0);
    await run.closed;
    expect(run.transport.exitStatus).toEqual({ code: null, signal: 'SIGKILL' });
  }, TIMEOUT);

  it('output past the cap with no newline yet stops the server, the cap named in MiB', async () => {
    const run = launch('scripted', { maxMessageBytes: 1024 * 1024 });
    await run.transport.start();
    await run.out('x'.repeat(1024 * 1024 + 1));
    await expect(run.next()).rejects.toThrow('the transport closed first');
    expect(run.transport.failure?.message).toBe('a stdout message passed the 1 MiB cap on one message; the server is stopped');
    expect(run.errors).toEqual([run.transport.failure]);
    expect(run.transport.exitStatus).toEqual({ code: null, signal: 'SIGTERM' });
  }, TIMEOUT);
});

describe('GroupStdioTransport: stderr', () => {
  it('keeps only the last maxStderrBytes of stderr, across writes', async () => {
    const run = launch('scripted', { maxStderrBytes: 10 });
    await run.transport.start();
    await run.err('first line\n');
    await run.err('second line\n');
    await run.exit(0);
    await run.closed;
    expect(run.transport.stderr).toBe('cond line\n');
  }, TIMEOUT);

  it('counts the cap in bytes, and starts the kept tail at a whole character', async () => {
    const run = launch('scripted', { maxStderrBytes: 10 });
    await run.transport.start();
    // eleven two-byte characters: the last ten bytes are five of them
    await run.err('é'.repeat(11));
    await run.err('x');
    await run.exit(0);
    await run.closed;
    // (the last ten bytes begin inside an é: its second byte is dropped, not shown as a replacement character)
    expect(run.transport.stderr).toBe(`${'é'.repeat(4)}x`);
  }, TIMEOUT);

  it('keeps a character whole when the pipe splits it between two reads', async () => {
    const run = launch('scripted', { maxStderrBytes: 128 * 1024 });
    await run.transport.start();
    // one write of 65,535 bytes and then a two-byte character: a 64 KiB pipe read ends inside it
    await run.err(`${'a'.repeat(65_535)}éz`);
    await run.exit(0);
    await run.closed;
    expect(run.transport.stderr).toBe(`${'a'.repeat(65_535)}éz`);
  }, TIMEOUT);

  it('keeps the last 16 KiB of stderr by default', async () => {
    const run = launch('scripted');
    await run.transport.start();
    await run.err(`${'a'.repeat(20_000)}END`);
    await run.exit(0);
    await run.closed;
    expect(run.transport.stderr).toBe(`${'a'.repeat(16 * 1024 - 3)}END`);
  }, TIMEOUT);
});

describe('groupAlive without /proc', () => {
  // Where /proc is not mounted (some containers, other systems), groupMembers cannot list a group and groupAlive asks the
  // kernel with signal 0 instead. A bubblewrap sandbox that binds every top-level folder but /proc is such a place: the
  // script below runs there, on this checkout's transport, and prints what it saw.
  const PROBE = String.raw`
import { spawn } from 'node:child_process';
import { groupAlive, groupMembers } from ${JSON.stringify(join(ROOT, 'crawler', 'stdio-transport.ts'))};
// a group whose leader has exited and whose other member lives: signal 0 to the group finds it, to the leader's pid not
const leader = spawn(process.execPath, ['-e', "require('node:child_process').spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)'], { stdio: 'ignore' }).unref()"], { detached: true, stdio: 'ignore' });
await new Promise((resolve) => leader.once('exit', resolve));
const seen = { members: groupMembers(leader.pid), alive: groupAlive(leader.pid) };
process.kill(-leader.pid, 'SIGKILL');
let gone = false;
for (let round = 0; round < 500 && !gone; round++) {
  gone = groupAlive(leader.pid) === false;
  if (!gone) await new Promise((resolve) => setTimeout(resolve, 10));
}
seen.after = groupAlive(leader.pid);
console.log(JSON.stringify(seen));
`;

  it('falls back to signal 0 to the group: true while a member lives (its leader gone), false once none does', async () => {
    const probe = join(folder.path, 'probe.mjs');
    await writeFile(probe, PROBE);
    const binds = readdirSync('/').filter((name) => name !== 'proc' && name !== 'dev' && name !== 'tmp').flatMap((name) => ['--ro-bind-try', `/${name}`, `/${name}`]);
    const { stdout } = await promisify(execFile)('bwrap', [...binds, '--bind', '/tmp', '/tmp', '--dev', '/dev', '--unshare-pid', '--die-with-parent', process.execPath, join(ROOT, 'bin', 'run-ts.js'), probe], { timeout: 50_000 });
    expect(JSON.parse(stdout)).toEqual({ members: null, alive: true, after: false });
  }, TIMEOUT);
});
