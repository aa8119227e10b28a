// The scan's finding kinds: each with its level, what it means, and the OWASP MCP Top 10 (2025 beta)
// risk it belongs to. SARIF carries these as its rules; the terminal and JSON reports name them.

export const OWASP_MCP = new Map<string, string>([
  ['MCP01', 'Token Mismanagement & Secret Exposure'],
  ['MCP02', 'Privilege Escalation via Scope Creep'],
  ['MCP03', 'Tool Poisoning'],
  ['MCP04', 'Software Supply Chain Attacks & Dependency Tampering'],
  ['MCP05', 'Command Injection & Execution'],
  ['MCP06', 'Intent Flow Subversion (earlier: Prompt Injection via Contextual Payloads)'],
  ['MCP07', 'Insufficient Authentication & Authorization'],
  ['MCP08', 'Lack of Audit and Telemetry'],
  ['MCP09', 'Shadow MCP Servers'],
  ['MCP10', 'Context Injection & Over-Sharing'],
]);

export type Level = 'error' | 'warning' | 'note';

export interface Rule {
  id: string;
  /** One line: what the finding says. */
  title: string;
  /** Why it matters and what to do. */
  help: string;
  owasp: string;
}

export const RULES = new Map<string, Rule>(
  (
    [
      { id: 'command-execution', title: 'A tool runs commands or code', help: 'The tool can run commands, code or queries. Deny it, or allow it only behind the conditions of the recommended policy, and watch what it runs.', owasp: 'MCP05' },
      { id: 'credential-access', title: 'A tool creates, reveals or changes credentials or permissions', help: 'An agent with this tool can grant itself or others access. Deny it or require human approval.', owasp: 'MCP01' },
      { id: 'high-impact-tool', title: 'A tool that deletes, moves money or changes much at once', help: 'The tool can do lasting damage in one call. Require approval or deny it, as the recommended policy does.', owasp: 'MCP02' },
      { id: 'tool-poisoning', title: 'A tool description carries text aimed at the model', help: 'The definition tries to steer the model (hidden instructions, reading secrets into a parameter, coercing other tools). Hide the tool and report it to the server author.', owasp: 'MCP03' },
      { id: 'annotation-contradiction', title: 'A tool declares hints its definition contradicts', help: 'Clients trust annotations such as readOnlyHint to decide what needs approval; these are wrong for this tool. Decide on the definition, not the hint.', owasp: 'MCP03' },
      { id: 'lethal-trifecta', title: 'Private data, untrusted content and a way out, together', help: 'Content that someone else wrote can steer the agent into reading private data and sending it out. Deny or require approval for the tools of one leg.', owasp: 'MCP06' },
      { id: 'secret-in-config', title: 'A secret is written into the configuration', help: 'Move it to the environment or the client\'s secret input (`${VAR}`, `${input:…}`), and rotate it if the file was ever shared or committed.', owasp: 'MCP01' },
      { id: 'unpinned-server', title: 'A server runs whatever version is newest', help: 'Each start may run new code with new tools. Pin an exact version (`pkg@1.2.3`, `pkg==1.2.3`, an image tag or digest) and update on purpose.', owasp: 'MCP04' },
      { id: 'plain-http', title: 'A remote server over plain HTTP', help: 'Requests, tokens and answers travel unencrypted. Use https.', owasp: 'MCP07' },
      { id: 'not-in-catalog', title: 'A server the catalog does not know', help: 'Nothing is known about its tools but what an inspection shows. Inspect it (`--live`), or check where it comes from.', owasp: 'MCP09' },
      { id: 'tools-changed', title: 'A server\'s tools differ from the catalog\'s crawl', help: 'The server now lists tools the catalog did not see, or changed ones. Read the new definitions before trusting them.', owasp: 'MCP04' },
      { id: 'changed-since-lock', title: 'A server or its tools changed since the lock file', help: 'A tool definition that changes after approval is how a rug pull works. Review the change, then `toolrisk scan --lock` to accept it.', owasp: 'MCP04' },
      { id: 'outside-project', title: 'A project configuration points at a file outside the project', help: 'Teammates and CI do not have that file, and a shared config should not reach into someone\'s home. Keep the server\'s files in the project or use a package.', owasp: 'MCP04' },
      { id: 'server-unavailable', title: 'A server could not be inspected', help: 'Its tools are unknown, so they count as failing --fail-on. The message says what went wrong.', owasp: 'MCP09' },
      { id: 'config-problem', title: 'A configuration file or entry cannot be read', help: 'The file or entry is malformed or of an unknown shape; the servers in it are not scanned.', owasp: 'MCP08' },
    ] satisfies Rule[]
  ).map((rule) => [rule.id, rule]),
);

export function ruleOf(id: string): Rule {
  const rule = RULES.get(id);
  if (!rule) throw new Error(`no scan rule ${id}`);
  return rule;
}
