// A JSON reader for client configuration files: JSON with comments and trailing commas (VS Code's
// and Cursor's files allow both), that also says on which line each object key stands, so a finding
// can point at the server's line in the config. Bounded: a config is small, and a hostile one must
// not overflow the stack.

export class JsoncError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    message: string,
  ) {
    super(`line ${line}, column ${column}: ${message}`);
    this.name = 'JsoncError';
  }
}

export interface Parsed {
  value: unknown;
  /** The 1-based line of each object key, by its path of keys (`["mcpServers","github"]` joined with NUL). */
  lines: Map<string, number>;
}

export const MAX_DEPTH = 64;

const SIMPLE_ESCAPES = new Map([
  ['"', '"'],
  ['\\', '\\'],
  ['/', '/'],
  ['b', '\b'],
  ['f', '\f'],
  ['n', '\n'],
  ['r', '\r'],
  ['t', '\t'],
]);
export const MAX_BYTES = 4 * 1024 * 1024;

/** The key of a path in `Parsed.lines`. */
export function pathKey(path: readonly string[]): string {
  return path.join('\u0000');
}

export function parseJsonc(text: string): Parsed {
  if (text.length > MAX_BYTES) throw new JsoncError(1, 1, `the file is larger than ${MAX_BYTES / 1024 / 1024} MiB; a client configuration is a few kilobytes`);
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lines = new Map<string, number>();
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const position = (offset: number): [number, number] => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return [low + 1, offset - lineStarts[low]! + 1];
  };
  const fail = (message: string, offset = at): never => {
    const [line, column] = position(Math.min(offset, text.length));
    throw new JsoncError(line, column, message);
  };
  const skip = () => {
    for (;;) {
      const c = text[at];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') at++;
      else if (c === '/' && text[at + 1] === '/') {
        const end = text.indexOf('\n', at);
        at = end === -1 ? text.length : end + 1;
      } else if (c === '/' && text[at + 1] === '*') {
        const end = text.indexOf('*/', at + 2);
        if (end === -1) fail('a /* comment is never closed');
        at = end + 2;
      } else return;
    }
  };
  const string = (): string => {
    const start = at;
    at++;
    let out = '';
    for (;;) {
      const end = text.slice(at).search(/["\\\n]/);
      if (end === -1 || text[at + end] === '\n') fail('a string is never closed', start);
      out += text.slice(at, at + end);
      at += end;
      if (text[at] === '"') {
        at++;
        return out;
      }
      const escape = text[at + 1];
      const simple = escape === undefined ? undefined : SIMPLE_ESCAPES.get(escape);
      if (simple !== undefined) {
        out += simple;
        at += 2;
      } else if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) {
        out += String.fromCharCode(parseInt(text.slice(at + 2, at + 6), 16));
        at += 6;
      } else fail(`a bad escape \\${escape ?? ''} in a string`);
    }
  };
  const value = (path: string[]): unknown => {
    if (path.length > MAX_DEPTH) fail(`nested deeper than ${MAX_DEPTH} levels`);
    skip();
    const c = text[at];
    if (c === '{') {
      at++;
      // a null-prototype object: a key named __proto__ or constructor is a key like any other
      const object = Object.create(null) as Record<string, unknown>;
      skip();
      while (text[at] !== '}') {
        if (text[at] !== '"') fail(text[at] === undefined ? 'the file ends inside an object' : `expected a "quoted" key or }, found ${JSON.stringify(text[at])}`);
        const keyAt = at;
        const key = string();
        skip();
        if (text[at] !== ':') fail(`expected : after the key ${JSON.stringify(key)}`);
        at++;
        lines.set(pathKey([...path, key]), position(keyAt)[0]);
        Object.defineProperty(object, key, { value: value([...path, key]), enumerable: true, writable: true, configurable: true });
        skip();
        if (text[at] === ',') {
          at++;
          skip();
        } else if (text[at] !== '}') fail(text[at] === undefined ? 'the file ends inside an object' : `expected , or } after the value of ${JSON.stringify(key)}`);
      }
      at++;
      return object;
    }
    if (c === '[') {
      at++;
      const array: unknown[] = [];
      skip();
      while (text[at] !== ']') {
        if (text[at] === undefined) fail('the file ends inside a list');
        lines.set(pathKey([...path, String(array.length)]), position(at)[0]);
        array.push(value([...path, String(array.length)]));
        skip();
        if (text[at] === ',') {
          at++;
          skip();
        } else if (text[at] !== ']') fail(text[at] === undefined ? 'the file ends inside a list' : 'expected , or ] in a list');
      }
      at++;
      return array;
    }
    if (c === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(at, at + 400));
    if (!literal) fail(c === undefined ? 'the file ends where a value should be' : `unexpected ${JSON.stringify(c)}`);
    at += literal![0].length;
    return JSON.parse(literal![0]) as unknown;
  };
  const result = value([]);
  skip();
  if (at < text.length) fail(`unexpected ${JSON.stringify(text[at])} after the end of the value`);
  return { value: result, lines };
}
