// `toolrisk classify FILE --json` run as a process on one plain tool, with the rule files of another
// clone (TOOLRISK_REPO_ROOT): how a malformed rule file is shown to someone who classifies.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export async function classifyWithRulesOf(root: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const tools = join(root, 'tools.json');
  writeFileSync(tools, JSON.stringify({ tools: [{ name: 'get_item', description: 'Gets an item.', inputSchema: { type: 'object' } }] }));
  return promisify(execFile)(process.execPath, [join(ROOT, 'bin', 'toolrisk.js'), 'classify', tools, '--json'], { env: { ...process.env, TOOLRISK_REPO_ROOT: root } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stderr: string; stdout: string }) => error,
  );
}
