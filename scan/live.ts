// Inspecting a configured server live, as the crawler does: in its sandbox, with the environment
// variables the config names given placeholder values (the real ones only with --use-env), and
// classified by the same rules as the catalog.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { own } from '../data/own.ts';
import { inspect, type InspectTarget } from '../crawler/inspect.ts';
import type { Sandbox } from '../crawler/sandbox.ts';
import { classifySnapshot } from '../classifier/catalog.ts';
import type { ConfiguredServer } from './configs.ts';
import { scanTools } from './catalog.ts';
import type { Launch } from './match.ts';
import type { LiveInspector, LiveResult } from './scan.ts';

export const PLACEHOLDER = 'toolrisk-placeholder';

/** A config value with its `${VAR}` / `${env:VAR}` references filled from the environment (`${input:…}` and unset names stay unresolved). */
export function expandValue(value: string, env: NodeJS.ProcessEnv): string | undefined {
  let unresolved = false;
  const out = value.replace(/\$\{(env:)?([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}|\$\{[^}]*\}/g, (whole, _env: string | undefined, name: string | undefined, fallback: string | undefined) => {
    if (name === undefined) {
      unresolved = true;
      return whole;
    }
    const found = own(env, name);
    if (found !== undefined) return found;
    if (fallback !== undefined) return fallback;
    unresolved = true;
    return whole;
  });
  return unresolved ? undefined : out;
}

/** The values the inspected server gets: placeholders, or with `useEnv` the config's values with references filled in. */
export function valuesFor(entries: ReadonlyMap<string, string>, useEnv: boolean, env: NodeJS.ProcessEnv): Record<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of entries) out.set(name, useEnv ? (expandValue(value, env) ?? PLACEHOLDER) : PLACEHOLDER);
  return Object.fromEntries(out);
}

export interface LiveOptions {
  sandbox?: Sandbox;
  /** Why there is no sandbox (live inspection then refuses, unless unsandboxed runs were allowed). */
  noSandbox?: string;
  allowUnsandboxed: boolean;
  useEnv: boolean;
  network: boolean;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  /** The project folder: a relative path in a command is relative to it, as the client runs it there. */
  project: string;
}

export function liveInspector(options: LiveOptions): LiveInspector {
  const env = options.env ?? process.env;
  return async (server: ConfiguredServer, launch: Launch): Promise<LiveResult> => {
    const isCommand = server.transport === 'stdio';
    if (isCommand && !options.sandbox && !options.allowUnsandboxed) {
      return { error: `no sandbox to run it in (${options.noSandbox ?? 'bubblewrap not found'}); install bubblewrap, or pass --sandbox off to run configured servers unisolated` };
    }
    if (isCommand && (launch.kind === 'pypi' || launch.kind === 'oci')) {
      return { error: `${launch.kind === 'pypi' ? 'a PyPI package (uvx)' : 'a container image'} is not run by the scan's sandbox; its tools come from the catalog only` };
    }
    const target: InspectTarget = isCommand
      ? { command: [server.command!, ...server.args.map((arg) => (options.useEnv ? (expandValue(arg, env) ?? arg) : arg))].map((arg, i) => (i > 0 && /^\.\.?\//.test(arg) && existsSync(join(options.project, arg)) ? resolve(options.project, arg) : arg)), env: valuesFor(server.env, options.useEnv, env), ...(options.sandbox ? { sandbox: options.sandbox } : {}), network: options.network }
      : { url: options.useEnv ? (expandValue(server.url!, env) ?? server.url!) : server.url!, headers: options.useEnv ? valuesFor(server.headers, true, env) : {} };
    if (options.timeoutMs) target.limits = { initializeMs: options.timeoutMs, pageMs: options.timeoutMs };
    try {
      const snapshot = await inspect(target);
      if (snapshot.status === 'failed') return { error: `failed at ${snapshot.failure?.stage ?? 'start'}: ${snapshot.failure?.reason ?? 'unknown reason'}` };
      const { record } = classifySnapshot(snapshot);
      const how = isCommand ? (options.sandbox ? 'inspected live in the sandbox' : 'inspected live, unsandboxed (--sandbox off)') : 'inspected live over HTTP';
      return { tools: scanTools(snapshot.tools, record.tools), how: `${how}${options.useEnv ? ' with the real environment (--use-env)' : ' with placeholder values for its environment'}` };
    } catch (error) {
      return { error: (error as Error).message };
    }
  };
}
