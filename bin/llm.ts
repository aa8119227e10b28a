// Model-assisted classification from the command line: the --llm flags, their help, and the
// settings they and the environment give (checked here, exit 2 on a wrong value). The client, the
// cache and the review are in classifier/review.ts.
import type { LlmSettings } from '../classifier/review.ts';

export interface LlmFlags {
  llm?: boolean;
  model?: string;
  'base-url'?: string;
  'api-key'?: string;
  'llm-concurrency'?: string;
  'llm-timeout'?: string;
  'max-tools'?: string;
  'llm-price'?: string;
  'llm-borderline'?: boolean;
}

/** The flags every command with --llm takes, for node:util parseArgs. */
export const LLM_OPTIONS = {
  llm: { type: 'boolean' },
  model: { type: 'string' },
  'base-url': { type: 'string' },
  'api-key': { type: 'string' },
  'llm-concurrency': { type: 'string' },
  'llm-timeout': { type: 'string' },
  'max-tools': { type: 'string' },
  'llm-price': { type: 'string' },
  'llm-borderline': { type: 'boolean' },
} as const;

export const LLM_HELP = `  Model-assisted classification (classify, inspect; any OpenAI-compatible endpoint):
      --llm                              ask a model to review each tool; the rules' risk stays the floor
      --model <name>                     the model (or OPENAI_MODEL), e.g. gpt-4o-mini, or llama3.1 on Ollama
      --base-url <url>                   the endpoint (or OPENAI_BASE_URL): Azure OpenAI
                                         (https://<resource>.openai.azure.com/openai/v1/), Ollama
                                         (http://localhost:11434/v1), vLLM, LM Studio; default api.openai.com
      --api-key <key>                    the key (or OPENAI_API_KEY); local servers need none
      --llm-concurrency <n>              requests at once (default 4)
      --llm-timeout <ms>                 time limit per request (default 60000)
      --max-tools <n>                    send at most n tools to the model this run (cached answers are free)
      --llm-price <in,out>               USD per million input,output tokens, for the cost estimate
      --llm-borderline                   ask only about tools the rules call borderline on poisoning
                                         (weak signals, no finding); the others keep the rules' verdict`;

export const LLM_HINT =
  'The rules classifier ran. To add a model review: --llm with a model (--model or OPENAI_MODEL) and OPENAI_API_KEY, or OPENAI_BASE_URL for Azure OpenAI, Ollama, vLLM or LM Studio.';

export class LlmSettingsError extends Error {
  /** True when nothing says which model or endpoint to use (the rules then run alone); false for a wrong value. */
  constructor(
    message: string,
    readonly missing = false,
  ) {
    super(message);
  }
}

/** List prices in USD per million tokens (input, output), by model-name prefix; --llm-price overrides. */
const PRICES: [prefix: string, input: number, output: number][] = [
  ['gpt-4o-mini', 0.15, 0.6],
  ['gpt-4o', 2.5, 10],
  ['gpt-4.1-nano', 0.1, 0.4],
  ['gpt-4.1-mini', 0.4, 1.6],
  ['gpt-4.1', 2, 8],
  ['gpt-5-nano', 0.05, 0.4],
  ['gpt-5-mini', 0.25, 2],
  ['gpt-5', 1.25, 10],
];

function priceOf(model: string): { input: number; output: number } | undefined {
  const match = PRICES.filter(([prefix]) => model.startsWith(prefix)).sort((a, b) => b[0].length - a[0].length)[0];
  return match ? { input: match[1], output: match[2] } : undefined;
}

function wholeNumber(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new LlmSettingsError(`${flag} needs a whole number of at least 1, got "${value}"`);
  return number;
}

/**
 * The settings for a run, or undefined when --llm is not given. Throws LlmSettingsError (with what
 * to set) when --llm is given without a model or a way to reach one.
 */
export function llmSettings(flags: LlmFlags, env: NodeJS.ProcessEnv = process.env): LlmSettings | undefined {
  const settingFlags = (['model', 'base-url', 'api-key', 'llm-concurrency', 'llm-timeout', 'max-tools', 'llm-price', 'llm-borderline'] as const).filter((flag) => flags[flag] !== undefined);
  if (!flags.llm) {
    if (settingFlags.length) throw new LlmSettingsError(`--${settingFlags[0]} only applies with --llm`);
    return undefined;
  }
  // every value given is checked first, whatever else is missing: a wrong value is an error either way
  let priceFlag: { input: number; output: number } | undefined;
  if (flags['llm-price'] !== undefined) {
    const parts = flags['llm-price'].split(',').map((part) => Number(part.trim()));
    if (parts.length !== 2 || parts.some((part) => !Number.isFinite(part) || part < 0) || flags['llm-price'].split(',').some((part) => part.trim() === '')) {
      throw new LlmSettingsError(`--llm-price needs two numbers, USD per million input and output tokens, e.g. 0.15,0.60; got "${flags['llm-price']}"`);
    }
    priceFlag = { input: parts[0]!, output: parts[1]! };
  }
  const concurrency = wholeNumber(flags['llm-concurrency'], '--llm-concurrency', 4);
  const timeoutMs = wholeNumber(flags['llm-timeout'], '--llm-timeout', 60_000);
  const maxTools = flags['max-tools'] === undefined ? undefined : wholeNumber(flags['max-tools'], '--max-tools', 1);
  if (flags['base-url'] !== undefined && !URL.canParse(flags['base-url'])) throw new LlmSettingsError(`--base-url is not a URL: "${flags['base-url']}"`);
  const model = flags.model ?? env.OPENAI_MODEL;
  const baseURL = flags['base-url'] ?? env.OPENAI_BASE_URL;
  const apiKey = flags['api-key'] ?? env.OPENAI_API_KEY;
  if (!model) throw new LlmSettingsError('--llm needs a model: --model <name> or OPENAI_MODEL (for example gpt-4o-mini, or llama3.1 on Ollama).', true);
  if (!apiKey && !baseURL) {
    throw new LlmSettingsError('--llm needs OPENAI_API_KEY (or --api-key) for api.openai.com, or OPENAI_BASE_URL (or --base-url) for another endpoint such as Ollama at http://localhost:11434/v1.', true);
  }
  if (baseURL) {
    try {
      new URL(baseURL);
    } catch {
      throw new LlmSettingsError(`--base-url / OPENAI_BASE_URL is not a URL: "${baseURL}"`);
    }
  }
  const price = priceFlag ?? priceOf(model);
  return {
    model,
    baseURL,
    // local servers take any key, and the client needs one
    apiKey: apiKey ?? 'not-needed',
    concurrency,
    timeoutMs,
    maxTools,
    price,
    httpRetries: 5,
    maxWaitMs: 120_000,
    borderlineOnly: flags['llm-borderline'] === true,
  };
}


