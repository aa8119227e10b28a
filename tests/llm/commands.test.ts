// --llm on the other commands: `toolrisk inspect --llm` on a real stdio server, and `npm run eval
// -- --llm`, both against the OpenAI-compatible stand-in on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { ROOT, sdkServerCommand, tempDir, toolriskWithEnv } from '../helpers.ts';
import { loadLabels } from '../../classifier/eval-labels.ts';
import { answer, startFakeOpenAI, type FakeOpenAI } from './fake-openai.ts';

let fake: FakeOpenAI;
let work: Awaited<ReturnType<typeof tempDir>>;

beforeAll(async () => {
  // a model that calls every tool a harmless read, citing its name
  fake = await startFakeOpenAI((request) => ({ content: answer(request) }));
  work = await tempDir('toolrisk-llm-commands-');
});

afterAll(async () => {
  await fake.close();
  await work.remove();
});

describe('toolrisk inspect --llm --llm-borderline: a second opinion on poisoning', () => {
  it('asks the model only about the borderline tool, shows its opinion as such, and keeps the rules verdict', async () => {
    // a model that reads poisoning in whatever it is shown, quoting the capitals
    const seen: string[] = [];
    const suspicious = await startFakeOpenAI((request) => {
      seen.push(request.tool.name);
      return { content: answer(request, { poisoning: true, poisoningQuote: 'You MUST pass integers' }) };
    });
    try {
      const env = { TOOLRISK_CACHE_DIR: join(work.path, 'cache-borderline'), OPENAI_BASE_URL: suspicious.baseURL, OPENAI_MODEL: 'stand-in-model' };
      const json = await toolriskWithEnv(env, 'inspect', '--json', '--llm', '--llm-borderline', '--', ...sdkServerCommand('borderline'));
      expect(json.code, json.stderr).toBe(0);
      expect(seen).toEqual(['add_numbers']);
      type Out = { name: string; classification: { risk: string; policy: { intercept: { hide?: string[] } }; rationale: string[]; warnings: { severity: string }[]; review?: { poisoning?: { poisoning: boolean; borderline: boolean; quote?: { text: string } } } } };
      const tools = (JSON.parse(json.stdout) as { tools: Out[] }).tools;
      const add = tools.find((tool) => tool.name === 'add_numbers')!.classification;
      expect(add.review?.poisoning).toEqual({ poisoning: true, borderline: true, quote: { where: 'description', text: 'You MUST pass integers' } });
      // shown as the model's opinion; the rules' verdict and policy stand
      expect(add.rationale.some((sentence) => sentence.startsWith('Second opinion (stand-in-model, a model, not the rules): it reads tool poisoning in “You MUST pass integers”'))).toBe(true);
      expect(add.warnings.some((warning) => warning.severity === 'poisoning')).toBe(false);
      expect(add.policy.intercept.hide ?? []).not.toContain('add_numbers');
      // the poisoned tool was not asked: the rules already decided, and it stays critical and hidden
      const notes = tools.find((tool) => tool.name === 'notes')!.classification;
      expect(notes.risk).toBe('critical');
      expect(notes.policy.intercept.hide).toContain('notes');
      expect(notes.review).toBeUndefined();
      // answered from the cache the next time, without asking
      const again = await toolriskWithEnv(env, 'inspect', '--json', '--llm', '--llm-borderline', '--', ...sdkServerCommand('borderline'));
      expect(seen).toEqual(['add_numbers']);
      expect((JSON.parse(again.stdout) as { tools: Out[] }).tools.find((tool) => tool.name === 'add_numbers')!.classification.review?.poisoning?.poisoning).toBe(true);
    } finally {
      await suspicious.close();
    }
  }, 60_000);
});

describe('toolrisk inspect --llm', () => {
  it('reviews each tool of a live stdio server, shows where the model disagrees, and keeps the rules risk', async () => {
    const env = { TOOLRISK_CACHE_DIR: join(work.path, 'cache'), OPENAI_BASE_URL: fake.baseURL, OPENAI_MODEL: 'stand-in-model' };
    const table = await toolriskWithEnv(env, 'inspect', '--llm', '--', ...sdkServerCommand('basic'));
    expect(table.code, table.stderr).toBe(0);
    const row = (name: string) => table.stdout.split('\n').find((line) => line.includes(name))!;
    expect(row('read_file')).toMatch(/model agrees/);
    expect(row('run_command')).toMatch(/critical .*destructive, model disagrees/);
    expect(table.stderr).toMatch(/3 tools asked, 3 answered, 0 from the cache/);
    const json = await toolriskWithEnv(env, 'inspect', '--json', '--llm', '--', ...sdkServerCommand('basic'));
    const tools = (JSON.parse(json.stdout) as { tools: { name: string; classification: { risk: string; review: { status: string; answer: { risk: string } } } }[] }).tools;
    const run = tools.find((tool) => tool.name === 'run_command')!.classification;
    expect(run.risk).toBe('critical');
    expect(run.review).toMatchObject({ status: 'ok', answer: { risk: 'low' } });
    expect(json.stderr).toMatch(/0 tools asked, 0 answered, 3 from the cache/);
  }, 60_000);
});

describe('npm run eval -- --llm', () => {
  it('reports the rules figures for the model answers and for the merged verdicts', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'bin', 'run-ts.js'), join(ROOT, 'tests', 'eval.ts'), '--llm', '--model', 'stand-in-model', '--base-url', fake.baseURL, '--llm-concurrency', '8'], {
      cwd: ROOT,
      env: { ...process.env, TOOLRISK_CACHE_DIR: join(work.path, 'eval-cache') },
      maxBuffer: 16 * 1024 * 1024,
    });
    const labels = loadLabels();
    const reads = labels.filter((label) => label.category === 'read').length;
    expect(stdout).toContain(`Model answers (stand-in-model; ${labels.length} of ${labels.length} answered validly): ${labels.length} tools`);
    // this model answers "read" for everything: its accuracy is the share of read labels, and it finds nothing destructive
    const modelBlock = stdout.slice(stdout.indexOf('Model answers'), stdout.indexOf('Rules and model merged'));
    expect(modelBlock).toContain(`category accuracy      ${((reads / labels.length) * 100).toFixed(1)}%`);
    expect(modelBlock).toContain('destructive recall     0.0%');
    // merged, the model adds nothing: the figures are the rules' own
    const rulesBlock = stdout.slice(stdout.indexOf('Rules (with annotations)'), stdout.indexOf('Model answers'));
    const mergedBlock = stdout.slice(stdout.indexOf('Rules and model merged'), stdout.indexOf('model review ('));
    expect(mergedBlock.split('\n').slice(1).join('\n').trim()).toBe(rulesBlock.split('\n').slice(1).join('\n').trim());
    expect(stdout).toMatch(new RegExp(`model review \\(stand-in-model, prompt llm-2\\): ${labels.length} tools asked, ${labels.length} answered`));
  }, 120_000);
});
