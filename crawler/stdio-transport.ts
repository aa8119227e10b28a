// A stdio client transport for untrusted servers. Unlike the SDK's, it starts the server in its own
// process group (so the whole tree can be killed), tolerates non-JSON lines on stdout (counted and
// reported instead of failing the connection), caps message and stderr sizes, and never passes the
// crawler's own environment.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { JSONRPCMessageSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

export interface StdioLaunch {
  command: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
  /** Largest single stdout line accepted (bytes). */
  maxMessageBytes?: number;
  /** How much stderr to keep (the tail, in bytes). */
  maxStderrBytes?: number;
}

export class GroupStdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  private child?: ChildProcess;
  private buffer: Buffer[] = [];
  private bufferedBytes = 0;
  /** Why the transport stopped the server itself (a message past the cap), if it did. */
  failure?: Error;
  /** The last maxStderrBytes bytes the server wrote to stderr, kept as bytes: a character split across two reads stays whole. */
  private stderrTail: Buffer = Buffer.alloc(0);
  private exited?: { code: number | null; signal: NodeJS.Signals | null };
  private readonly maxMessageBytes: number;
  private readonly maxStderrBytes: number;
  /** Lines on stdout that were not JSON-RPC, with the first few kept as samples. */
  noiseLines = 0;
  readonly noiseSamples: string[] = [];

  constructor(private readonly launch: StdioLaunch) {
    this.maxMessageBytes = launch.maxMessageBytes ?? 64 * 1024 * 1024;
    this.maxStderrBytes = launch.maxStderrBytes ?? 16 * 1024;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get stderr(): string {
    // (a tail cut inside a character starts with its continuation bytes: they are dropped, not shown as U+FFFD)
    let start = 0;
    while (start < this.stderrTail.length && (this.stderrTail[start]! & 0xc0) === 0x80) start++;
    return this.stderrTail.toString('utf8', start);
  }

  get exitStatus(): { code: number | null; signal: NodeJS.Signals | null } | undefined {
    return this.exited;
  }

  private starting?: Promise<void>;

  /** Spawns the server once; later calls (Client.connect calls start again) return the same promise. */
  start(): Promise<void> {
    this.starting ??= this.spawnServer();
    return this.starting;
  }

  private spawnServer(): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.launch.command, this.launch.args, {
        env: this.launch.env,
        cwd: this.launch.cwd,
        stdio: ['pipe', 'pipe', 'pipe'],
        detached: true, // its own process group: killTree() reaches every descendant
        shell: false,
      });
      this.child = child;
      child.once('error', (error) => {
        reject(error);
        this.onerror?.(error);
      });
      child.once('spawn', () => resolve());
      child.once('exit', (code, signal) => {
        this.exited = { code, signal };
      });
      child.once('close', () => {
        this.onclose?.();
      });
      child.stdin?.on('error', (error) => this.onerror?.(error));
      child.stdout?.on('data', (chunk: Buffer) => this.onStdout(chunk));
      child.stderr?.on('data', (chunk: Buffer) => {
        const joined = Buffer.concat([this.stderrTail, chunk]);
        this.stderrTail = joined.length > this.maxStderrBytes ? Buffer.from(joined.subarray(joined.length - this.maxStderrBytes)) : joined;
      });
    });
  }

  private onStdout(chunk: Buffer): void {
    let start = 0;
    for (let newline = chunk.indexOf(10, start); newline !== -1; newline = chunk.indexOf(10, start)) {
      // the end of a line counts toward the cap too
      if (this.bufferedBytes + (newline - start) > this.maxMessageBytes) return this.overflow();
      this.buffer.push(chunk.subarray(start, newline));
      const line = Buffer.concat(this.buffer).toString('utf8').replace(/\r$/, '');
      this.buffer = [];
      this.bufferedBytes = 0;
      this.onLine(line);
      start = newline + 1;
    }
    if (start < chunk.length) {
      this.bufferedBytes += chunk.length - start;
      if (this.bufferedBytes > this.maxMessageBytes) return this.overflow();
      this.buffer.push(chunk.subarray(start));
    }
  }

  /** A message past the cap: the server is stopped, and the reason kept for the crawl's failure (the SDK client drops onerror). */
  private overflow(): void {
    this.buffer = [];
    this.bufferedBytes = 0;
    const mib = this.maxMessageBytes / (1024 * 1024);
    this.failure = new Error(`a stdout message passed the ${Number.isInteger(mib) ? `${mib} MiB` : `${this.maxMessageBytes}-byte`} cap on one message; the server is stopped`);
    this.onerror?.(this.failure);
    void this.close();
  }

  private onLine(line: string): void {
    if (!line.trim()) return;
    let message: JSONRPCMessage;
    try {
      message = JSONRPCMessageSchema.parse(JSON.parse(line));
    } catch {
      this.noiseLines += 1;
      if (this.noiseSamples.length < 3) this.noiseSamples.push(line.slice(0, 200));
      return;
    }
    this.onmessage?.(message);
  }

  send(message: JSONRPCMessage): Promise<void> {
    return new Promise((resolve, reject) => {
      const stdin = this.child?.stdin;
      if (!stdin || stdin.destroyed) {
        reject(new Error('the server process is not running'));
        return;
      }
      stdin.write(`${JSON.stringify(message)}\n`, (error) => (error ? reject(error) : resolve()));
    });
  }

  async close(): Promise<void> {
    await this.killTree();
  }

  /** Kills the server's whole process group: SIGTERM, then SIGKILL after a grace period. */
  async killTree(graceMs = 1500): Promise<void> {
    const child = this.child;
    if (!child?.pid) return;
    const pgid = child.pid;
    child.stdin?.destroy();
    signalGroup(pgid, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    while (Date.now() < deadline && groupAlive(pgid)) await sleep(10);
    if (groupAlive(pgid)) signalGroup(pgid, 'SIGKILL');
    const killDeadline = Date.now() + 2000;
    while (Date.now() < killDeadline && groupAlive(pgid)) await sleep(10);
    child.stdout?.destroy();
    child.stderr?.destroy();
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // the group is already gone
  }
}

/** Live (non-zombie) processes in a process group, from /proc; null where /proc is not available. */
export function groupMembers(pgid: number): number[] | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return null;
  }
  const members: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited while we looked
    }
    // pid (comm) state ppid pgrp ...; comm may contain spaces and parentheses
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] !== 'Z' && Number(fields[2]) === pgid) members.push(Number(entry));
  }
  return members;
}

/** True while any live process of the group exists. */
export function groupAlive(pgid: number): boolean {
  const members = groupMembers(pgid);
  if (members) return members.length > 0;
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
