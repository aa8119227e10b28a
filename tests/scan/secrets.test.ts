// Which values of a configured server are secrets: by their name's words, by their shape, inside a
// connection string or a JSON value; and that the redactor replaces those and nothing else, so a
// plain setting (`GITHUB_TOOLSETS=repos`) never cuts a tool name (`search_repositories`).
import { describe, expect, it } from 'vitest';
import type { ConfiguredServer } from '../../scan/configs.ts';
import { displayCommand, isSecretName, looksLikeSecretValue, Redactor, secretsOf, secretValues } from '../../scan/secrets.ts';

function server(extra: Partial<ConfiguredServer>): ConfiguredServer {
  return { name: 's', client: 'mcp-json', file: '/p/.mcp.json', line: 1, scope: 'project', transport: 'stdio', command: 'npx', args: [], env: new Map(), headers: new Map(), disabled: false, ...extra };
}

/** Where the secrets of a server with these env variables are. */
function envSecrets(env: Record<string, string>): string[] {
  return secretsOf(server({ env: new Map(Object.entries(env)) })).map((secret) => secret.where);
}

/** The redacted form of a text, with a server's secrets (as the scan adds them). */
function redacted(config: Partial<ConfiguredServer>, text: string): string {
  const redactor = new Redactor();
  redactor.add(secretValues(server(config)));
  return redactor.redact(text);
}

const GHP = 'ghp_Q9mXv2LrT8kZp4Wn7Yb3Jc6Hd1Fs5Ga0Ue2R';
const NTN = 'ntn_4Rk9Xq2Lm7Vt3Wz8Yp1Bn6Cj5Hd0Fs2Ga7Ue4Rx9Mq3';

describe('secret-like names', () => {
  it('a word of the name is a secret word: KEY, TOKEN, SECRET, PASSWORD, AUTH, COOKIE, SESSION, CREDENTIALS, PAT, BEARER…', () => {
    for (const name of [
      'GITHUB_PERSONAL_ACCESS_TOKEN', 'SLACK_BOT_TOKEN', 'X-Api-Key', 'apiKey', 'APIKey', 'API_KEY_2', 'OPENAI_API_KEY', 'AWS_SECRET_ACCESS_KEY', 'CLIENT_SECRET',
      'DB_PASSWORD', 'MYSQL_PASSWD', 'DB_PWD', 'SMTP_PASS', 'Authorization', 'Proxy-Authorization', 'X_AUTH', 'Cookie', 'SESSION', 'GOOGLE_CREDENTIALS', 'GITHUB_PAT',
      'BEARER', 'PRIVATE_KEY', 'ACCESS_KEY', 'SECRET_KEY_BASE', 'GHTOKEN', 'NOTION_TOKEN', 'OAuthToken', 'access_token',
    ]) expect(isSecretName(name), name).toBe(true);
  });

  it('a secret word inside another word, or a name about a secret rather than the secret, is not one', () => {
    for (const name of [
      'GITHUB_TOOLSETS', 'MONKEY_MODE', 'KEYBOARD_LAYOUT', 'PATH', 'PATTERN', 'PWD', 'HOTKEY', 'TOKENIZER', 'PASSENGER', 'AUTHOR', 'SESSIONS_DIR', 'TOKEN_FILE',
      'GITHUB_TOKEN_PATH', 'AUTH_MODE', 'AUTH_TYPE', 'SESSION_TIMEOUT', 'COOKIE_DOMAIN', 'TOKEN_URL', 'KEY_NAME', 'PUBLIC_KEY', 'SORT_KEY', 'DSN', 'DATABASE_URL',
      'CONNECTION_STRING', 'Notion-Version', 'LOG_LEVEL',
    ]) expect(isSecretName(name), name).toBe(false);
  });

  it('under a secret-like name every literal value is a secret, however short or plain', () => {
    expect(envSecrets({ DB_PASSWORD: 'abcd', API_KEY: 'repos', SLACK_BOT_TOKEN: 'plain', GITHUB_PAT: 'x' })).toEqual(['env DB_PASSWORD', 'env API_KEY', 'env SLACK_BOT_TOKEN', 'env GITHUB_PAT']);
  });

  it('under a secret-like name a reference, an empty value, a switch or a file path is not a secret', () => {
    expect(
      envSecrets({
        GITHUB_TOKEN: '${GITHUB_TOKEN}',
        NOTION_TOKEN: '${env:NOTION_TOKEN}',
        SLACK_BOT_TOKEN: '${input:slack}',
        API_KEY: '',
        AUTH_TOKEN: 'Bearer ${input:token}',
        OPENAI_API_KEY: 'sk-${OPENAI_KEY}',
        AUTH: 'false',
        GOOGLE_APPLICATION_CREDENTIALS: '/home/me/keys/service-account.json',
        SSH_PRIVATE_KEY: '~/.ssh/id_ed25519',
      }),
    ).toEqual([]);
  });

  it('under a plain name a short plain value is never a secret', () => {
    expect(envSecrets({ GITHUB_TOOLSETS: 'repos', READ_ONLY: 'true', NODE_ENV: 'production', PROJECT_DIR: '/home/me/project', PGPORT: '5432', MONKEY_MODE: 'keyboard', PATTERN: 'token-*' })).toEqual([]);
  });
});

describe('values shaped like secrets, whatever their name', () => {
  it('finds provider tokens, JWTs, long random strings and credentials after Bearer, Basic or token', () => {
    const shaped = [
      GHP,
      'github_pat_11ABCDEFG0aBcDeFgHiJkL_mNoPqRsTuVwXyZ0123456789aBcDeFgHiJkLmNoPqRsTuVwXyZ01',
      'sk-proj-Aa1Bb2Cc3Dd4Ee5Ff6Gg7Hh8',
      'sk-ant-api03-Xy7Kq2Lm9Vt4Wz1Yp8Bn3Cj6Hd5Fs0Ga',
      'sk_live_4eC39HqLyjWDarjtT1zdp7dc',
      'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp',
      'AKIAIOSFODNN7EXAMPLE',
      'AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW',
      'npm_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8',
      'hf_aB1cD2eF3gH4iJ5kL6mN7oP8qR9sT0uV1wX',
      'glpat-xY1z2A3b4C5d6E7f8G9h',
      NTN,
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
      '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      'Bearer abc.def-token-literal-99',
      'Basic dXNlcjpwYXNzd29yZA==',
      'token 1a2b3c4d5e6f',
    ];
    for (const value of shaped) expect(looksLikeSecretValue(value), value).toBe(true);
    expect(envSecrets(Object.fromEntries(shaped.map((value, i) => [`SETTING_${i}`, value])))).toHaveLength(shaped.length);
    // inside a longer value, the token is found and redacted
    expect(envSecrets({ EXTRA_ARGS: `--verbose --github ${GHP}` })).toEqual(['env EXTRA_ARGS']);
    expect(redacted({ env: new Map([['EXTRA_ARGS', `--verbose --github ${GHP}`]]) }, `seen ${GHP} here`)).toBe('seen *** here');
  });

  it('a prefix, a word, a version, a UUID or a path is not shaped like a secret', () => {
    for (const value of [
      'sk-learn-mcp-server-tools',
      'internationalization2024',
      'v2.3.4-rc.1-linux-amd64',
      '123e4567-e89b-12d3-a456-426614174000',
      '/home/me/projects/app2024/node_modules/x8Kq2Lm9Vt4Wz1Yp8Bn3',
      'Bearer token',
      'token based',
      'production',
      '2022-06-28',
    ]) expect(looksLikeSecretValue(value), value).toBe(false);
  });
});

describe('connection strings', () => {
  it('a password in a connection string makes the whole value a secret, and both are redacted', () => {
    expect(envSecrets({ DATABASE_URL: 'postgres://app:pw-9Zx@db.internal:5432/app', REDIS_URL: 'redis://:s3cret-pw@cache:6379', PG: 'host=db user=app password=kw-pass-1 dbname=app', MSSQL: 'Server=db;User Id=app;Password=semi-pw-2;' })).toEqual([
      'env DATABASE_URL',
      'env REDIS_URL',
      'env PG',
      'env MSSQL',
    ]);
    const config = { env: new Map([['DATABASE_URL', 'postgres://app:pw-9Zx@db.internal:5432/app']]) };
    expect(secretValues(server(config))).toEqual(['postgres://app:pw-9Zx@db.internal:5432/app', 'pw-9Zx']);
    expect(redacted(config, 'url postgres://app:pw-9Zx@db.internal:5432/app, password pw-9Zx')).toBe('url ***, password ***');
  });

  it('a connection string without a password is not a secret, whatever its name', () => {
    expect(envSecrets({ DATABASE_URL: 'postgres://localhost:5432/app', POSTGRES_DSN: 'postgresql://app@db/app', CONNECTION_STRING: 'Server=db;Database=app;Trusted_Connection=True;', DSN: 'postgresql://app:${PGPASSWORD}@db/app' })).toEqual([]);
    expect(redacted({ env: new Map([['DATABASE_URL', 'postgres://localhost:5432/app']]) }, 'runs postgres://localhost:5432/app')).toBe('runs postgres://localhost:5432/app');
  });
});

describe('secrets inside a JSON value', () => {
  const headers = `{"Authorization":"Bearer ${NTN}","Notion-Version":"2022-06-28"}`;

  it('finds a token in a JSON env value by its key, and redacts it and the whole value, not its plain neighbours', () => {
    const config = { env: new Map([['OPENAPI_MCP_HEADERS', headers]]) };
    expect(secretsOf(server(config)).map((secret) => secret.where)).toEqual(['env OPENAPI_MCP_HEADERS (Authorization)']);
    const values = secretValues(server(config));
    expect(values).toEqual(expect.arrayContaining([NTN, `Bearer ${NTN}`, headers]));
    expect(values).not.toContain('2022-06-28');
    expect(redacted(config, `a ${NTN} b ${JSON.stringify(headers)} c 2022-06-28`)).toBe('a *** b "***" c 2022-06-28');
  });

  it('finds nested secrets and token shapes under plain keys; a JSON value with no secret is none', () => {
    expect(envSecrets({ CONFIG: `{"auth":{"token":"t0k-abcdef"},"tags":["${GHP}"],"mode":"fast"}`, SETTINGS: '{"timeout":30,"region":"eu","enabled":true}' })).toEqual(['env CONFIG (auth.token)', 'env CONFIG (tags.0)']);
  });

  it('a JSON value under a secret-like name is a secret as a whole', () => {
    expect(envSecrets({ GOOGLE_CREDENTIALS: '{"type":"service_account","project_id":"p"}' })).toEqual(['env GOOGLE_CREDENTIALS']);
  });
});

describe('headers, arguments and URLs', () => {
  it('finds headers by name or shape, and leaves references and plain headers alone', () => {
    const found = secretsOf(server({ transport: 'http', url: 'https://x.example/mcp', headers: new Map([['Authorization', 'Bearer literal-token-1'], ['X-Api-Key', 'k1'], ['X-Other', 'Bearer ${input:t}'], ['Accept', 'application/json'], ['X-Trace', GHP]]) }));
    expect(found.map((secret) => secret.where)).toEqual(['header Authorization', 'header X-Api-Key', 'header X-Trace']);
  });

  it('finds secret arguments by their flag, an assignment, a header, a connection URL or their shape, and shows the command without them', () => {
    const config = server({
      args: ['-y', 'pkg', '--api-key=abc123def456', '--token', 'plainvalue99', '-e', 'SLACK_BOT_TOKEN=xoxb-literal', '--header', 'Authorization: Bearer hdr-token-77', 'postgresql://u:pw-zz-99@h/db', GHP, '--toolsets', 'repos', '--key-file', '/home/me/key.pem', '--header', 'Authorization:${AUTH_HEADER}'],
    });
    expect(secretsOf(config).map((secret) => secret.where)).toEqual([
      'argument 3 (--api-key)',
      'argument 5 (--token)',
      'argument 7 (SLACK_BOT_TOKEN)',
      'argument 9 (header Authorization)',
      'argument 10 (a password in a connection URL)',
      'argument 11',
    ]);
    expect(displayCommand(config)).toBe("npx -y pkg --api-key=*** --token *** -e SLACK_BOT_TOKEN=*** --header 'Authorization: ***' postgresql://u:***@h/db *** --toolsets repos --key-file /home/me/key.pem --header 'Authorization:${AUTH_HEADER}'");
  });

  it('replaces a secret argument only where it stands, not in other arguments', () => {
    expect(displayCommand(server({ args: ['-y', 'abc-server', '--token', 'abc'] }))).toBe('npx -y abc-server --token ***');
  });

  it('finds the password, secret query values and a token in the path of a server URL', () => {
    const found = secretsOf(server({ transport: 'http', url: `https://user:pass-word@x.example/mcp/${GHP}/sse?api_key=k-123&page=2&token=\${input:t}` }));
    expect(found.map((secret) => [secret.where, secret.value])).toEqual([
      ['url (password)', 'pass-word'],
      ['url (query api_key)', 'k-123'],
      ['url (path)', GHP],
    ]);
  });
});

describe('the redactor', () => {
  it('replaces nothing for a plain setting, so tool names stay whole', () => {
    const config = { env: new Map([['GITHUB_TOOLSETS', 'repos'], ['NODE_ENV', 'production'], ['READ_ONLY', 'true']]) };
    expect(secretValues(server(config))).toEqual([]);
    expect(redacted(config, 'search_repositories repos "readOnly": true production')).toBe('search_repositories repos "readOnly": true production');
  });

  it('replaces a short secret where it stands alone, never inside a word or a tool name', () => {
    const config = { env: new Map([['DB_PASSWORD', 'test']]) };
    expect(redacted(config, 'pw test; get_latest_release; test_connection; run-test; "test"; postgres://u:test@h; u%3Atest%40h; \\ntest')).toBe(
      'pw ***; get_latest_release; test_connection; run-test; "***"; postgres://u:***@h; u%3A***%40h; \\n***',
    );
  });

  it('replaces a secret of at least four characters, and a long one wherever it appears', () => {
    expect(redacted({ env: new Map([['DB_PASSWORD', 'abc']]) }, 'abc')).toBe('abc');
    expect(redacted({ env: new Map([['DB_PASSWORD', 'abcd']]) }, 'abcd')).toBe('***');
    expect(redacted({ env: new Map([['GITHUB_TOKEN', GHP]]) }, `x${GHP}y`)).toBe('x***y');
  });

  it('replaces every form of a value: as written, JSON-escaped and URL-encoded', () => {
    const redactor = new Redactor();
    redactor.add(['s"cret/value', 'abcd']);
    expect(redactor.redact('a s"cret/value b s\\"cret/value c s%22cret%2Fvalue abcd')).toBe('a *** b *** c *** ***');
  });
});
