// An OpenAI-compatible chat completions server on 127.0.0.1, standing in for a paid model API in
// tests. It reads the tool definition out of the prompt the way a model would, and answers as the
// test scripts it: valid answers, invalid JSON, made-up quotes, 429 with Retry-After, 5xx, a hang,
// or obeying a prompt injection.
import { createServer, type IncomingMessage } from 'node:http';

export interface SeenRequest {
  at: number;
  authorization?: string;
  body: {
    model: string;
    messages: { role: string; content: string }[];
    response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: Record<string, unknown> } };
  };
  /** The tool definition between the prompt's data markers. */
  tool: { name: string; description?: string; [key: string]: unknown };
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** The assistant message's content. */
  content?: string;
  /** Answer only after this long. */
  delayMs?: number;
  /** The error message of a non-200 reply. */
  message?: string;
}

export type Script = (request: SeenRequest, attempt: number) => Reply;

export interface FakeOpenAI {
  /** The base URL to give the client (…/v1). */
  baseURL: string;
  requests: SeenRequest[];
  /** The most requests the server held at once. */
  maxInFlight(): number;
  close(): Promise<void>;
}

/** A valid answer whose evidence is the tool's name (always an exact substring of the definition). */
export function answer(request: SeenRequest, verdict: Partial<Record<string, unknown>> = {}): string {
  return JSON.stringify({
    category: 'read',
    destructive: false,
    financial: false,
    openWorld: false,
    sensitive: false,
    risk: 'low',
    rationale: `It works with ${request.tool.name}.`,
    evidence: [request.tool.name],
    poisoning: false,
    poisoningQuote: '',
    ...verdict,
  });
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (text += chunk));
    request.on('end', () => done(text));
    request.on('error', fail);
  });
}

/** The definition between the two marker lines of the user message. */
export function definitionIn(content: string): { marker: string; definition: string } {
  const lines = content.split('\n');
  const marker = lines.find((line) => /^DATA-[0-9a-f]{24}$/.test(line))!;
  const first = lines.indexOf(marker);
  const last = lines.lastIndexOf(marker);
  return { marker, definition: lines.slice(first + 1, last).join('\n') };
}

export async function startFakeOpenAI(script: Script): Promise<FakeOpenAI> {
  const requests: SeenRequest[] = [];
  const attempts = new Map<string, number>();
  let inFlight = 0;
  let maxInFlight = 0;
  const server = createServer(async (req, res) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.once('close', () => (inFlight -= 1));
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `no route ${req.method} ${req.url}` } }));
      return;
    }
    const body = JSON.parse(await readBody(req)) as SeenRequest['body'];
    const user = body.messages.find((message) => message.role === 'user')?.content ?? '';
    const seen: SeenRequest = { at: Date.now(), authorization: req.headers.authorization, body, tool: JSON.parse(definitionIn(user).definition) as SeenRequest['tool'] };
    requests.push(seen);
    const attempt = (attempts.get(seen.tool.name) ?? 0) + 1;
    attempts.set(seen.tool.name, attempt);
    const reply = script(seen, attempt);
    if (reply.delayMs) await new Promise((done) => setTimeout(done, reply.delayMs));
    if (res.destroyed) return;
    const status = reply.status ?? 200;
    if (status !== 200) {
      res.writeHead(status, { 'content-type': 'application/json', ...reply.headers }).end(JSON.stringify({ error: { message: reply.message ?? `scripted HTTP ${status}`, type: 'test' } }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', ...reply.headers }).end(
      JSON.stringify({
        id: `chatcmpl-${requests.length}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content: reply.content ?? answer(seen), refusal: null }, finish_reason: 'stop', logprobs: null }],
        usage: { prompt_tokens: 1000, completion_tokens: 100, total_tokens: 1100 },
      }),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as { port: number }).port;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    maxInFlight: () => maxInFlight,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
