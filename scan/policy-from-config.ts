// What a configured server's own entry says, put into its policy: the folders a filesystem-like
// server is given on its command line fill the ALLOWED_ROOT of its path conditions, a remote server's
// URL fills ALLOWED_HOST (and a server on this machine over plain http may be reached over http).
// A placeholder filled this way is no longer one to edit. Config text is a user's, but it goes into
// a regular expression: every piece is escaped.
import { basename, posix } from 'node:path';
import type { ToolPolicy } from '../data/schema.ts';
import { escapeRegExp } from '../data/regexp.ts';
import type { ConfiguredServer } from './configs.ts';
import type { Launch } from './match.ts';

export type Given = Pick<ConfiguredServer, 'command' | 'args' | 'url'>;

export interface ConfigValues {
  /** Absolute folders, normalised, without their leading slash (as ALLOWED_ROOT is written). */
  roots: string[];
  /** The remote server's host name. */
  host?: string;
  /** The server is on this machine and reached over plain http. */
  localHttp: boolean;
}

// programs that run a script: the script is their first argument, not a folder to allow
const INTERPRETERS = /^(node|nodejs|deno|bun|tsx|ts-node|python|python3|python\d\.\d+|uv|uvx|pipx|ruby|php|java|dotnet|go)$/;

function programName(command: string): string {
  return basename(command.replace(/\\/g, '/')).replace(/\.(cmd|exe|bat|ps1)$/i, '').toLowerCase();
}

/** The arguments the server itself gets: those after the package, image or script that is run. */
function serverArguments(given: Given, launch: Launch): readonly string[] {
  const args = given.args;
  if (launch.kind === 'npm' || launch.kind === 'pypi' || launch.kind === 'oci') {
    const id = launch.identifier.toLowerCase();
    const at = args.findIndex((arg) => arg.toLowerCase().includes(id));
    return at === -1 ? [] : args.slice(at + 1);
  }
  if (launch.kind !== 'local') return [];
  if (!INTERPRETERS.test(programName(given.command ?? ''))) return args;
  const script = args.findIndex((arg) => !arg.startsWith('-'));
  return script === -1 ? [] : args.slice(script + 1);
}

/** An absolute POSIX folder as ALLOWED_ROOT holds it (`/home/me/project/` → `home/me/project`); none for `/` or a relative path. */
function rootOf(arg: string): string | undefined {
  if (!arg.startsWith('/') || arg.includes('\0')) return undefined;
  const normal = posix.normalize(arg).replace(/^\/+|\/+$/g, '');
  return normal || undefined;
}

const LOCAL_HOST = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i;

/** What the config says that a policy can use. `keep` says a value may go into a policy (it is no secret). */
export function configValues(given: Given, launch: Launch, transport: ConfiguredServer['transport'], keep: (value: string) => boolean): ConfigValues {
  const roots: string[] = [];
  if (transport === 'stdio') {
    for (const arg of serverArguments(given, launch)) {
      // `/data` or `--root=/data`
      const value = /^--?[\w-]+=/.test(arg) ? arg.slice(arg.indexOf('=') + 1) : arg;
      const root = rootOf(value);
      if (root && keep(value) && !roots.includes(root)) roots.push(root);
    }
  }
  let host: string | undefined;
  let localHttp = false;
  if (transport !== 'stdio' && given.url) {
    try {
      const url = new URL(given.url);
      if ((url.protocol === 'https:' || url.protocol === 'http:') && url.hostname && keep(url.hostname)) {
        host = url.hostname.toLowerCase();
        localHttp = url.protocol === 'http:' && LOCAL_HOST.test(host);
      }
    } catch {
      // (a URL the config cannot hold is reported by the scan; the placeholder stays)
    }
  }
  return { roots, ...(host ? { host } : {}), localHttp };
}

function fill(text: string, placeholder: string, value: string): string {
  return text.split(placeholder).join(value);
}

/**
 * The tool's policy with the config's values in place of ALLOWED_ROOT and ALLOWED_HOST, and those
 * placeholders no longer listed to edit. A policy without them comes back as it was.
 */
export function policyFromConfig(policy: ToolPolicy, values: ConfigValues): ToolPolicy {
  const uses = (name: string) => policy.rules.some((rule) => rule.conditions?.some((condition) => typeof condition.value === 'string' && condition.value.includes(name)));
  const rootFilled = values.roots.length > 0 && uses('ALLOWED_ROOT');
  const hostFilled = values.host !== undefined && uses('ALLOWED_HOST');
  if (!rootFilled && !hostFilled) return policy;
  const roots = values.roots.map((root) => root.split('/').map(escapeRegExp).join('/'));
  const rootPattern = roots.length === 1 ? roots[0]! : `(${roots.join('|')})`;
  const shownRoots = values.roots.map((root) => `/${root}`).join(', ');
  const host = values.host ?? '';
  const rules = policy.rules.map((rule) => {
    if (!rule.conditions?.some((condition) => typeof condition.value === 'string' && /ALLOWED_(ROOT|HOST)/.test(condition.value))) return rule;
    let { name, on_deny } = rule;
    const conditions = rule.conditions.map((condition) => {
      if (typeof condition.value !== 'string') return condition;
      let value = condition.value;
      if (rootFilled) value = fill(value, 'ALLOWED_ROOT', rootPattern);
      if (hostFilled && value.includes('ALLOWED_HOST')) {
        value = fill(value, 'ALLOWED_HOST', escapeRegExp(host));
        if (values.localHttp) value = value.replace(/^\^https:\/\//, '^https?://');
      }
      return { ...condition, value };
    });
    if (rootFilled) {
      name = fill(name, '(edit ALLOWED_ROOT)', `(${shownRoots}, from the config)`);
      if (on_deny) on_deny = fill(on_deny, 'the allowed folder', roots.length === 1 ? `the folder ${shownRoots}` : `one of the folders ${shownRoots}`);
    }
    if (hostFilled) {
      name = fill(name, '(edit ALLOWED_HOST)', `(${host}, from the config)`);
      if (on_deny) on_deny = fill(on_deny, 'an https URL on an allowed host', `${values.localHttp ? 'an http or https' : 'an https'} URL on ${host}`);
    }
    return { ...rule, name, conditions, ...(on_deny !== undefined ? { on_deny } : {}) };
  });
  const filled = new Set([...(rootFilled ? ['ALLOWED_ROOT'] : []), ...(hostFilled ? ['ALLOWED_HOST'] : [])]);
  return { ...policy, rules, placeholders: policy.placeholders.filter((placeholder) => !filled.has(placeholder.name)) };
}
