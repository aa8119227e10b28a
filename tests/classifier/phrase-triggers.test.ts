// proseSignals tries a phrase only when the text has one of its trigger words (one scan of the text tells which phrases are
// worth trying; listedOperations and sideMoneySignals use the same scan for lists and money moved). The scan must never hide a phrase whose pattern matches: a word list missing a form, or a word boundary
// the patterns do not share (an underscore is a word character to \b, so "api_key" once hid "api" and "key" from the scan,
// and a description naming an `api_key` lost its secret signal).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { phrasesTheTriggersMiss, proseSignals } from '../../classifier/signals.ts';
import { ROOT } from '../helpers.ts';
import { labels, PLAIN } from './signal-helpers.ts';

describe('the trigger scan', () => {
  it('hides no phrase from any description or title in the catalog', () => {
    const dir = join(ROOT, 'data', 'crawled');
    const texts = readdirSync(dir).flatMap((file) => {
      const snapshot = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { tools?: { description?: unknown; title?: unknown }[] };
      return (snapshot.tools ?? []).flatMap((tool) => [tool.description, tool.title].filter((text): text is string => typeof text === 'string'));
    });
    expect(texts.length).toBeGreaterThan(10_000);
    expect(texts.map((text) => phrasesTheTriggersMiss(text)).filter((missed) => missed.length)).toEqual([]);
  });

  it('finds the words of names joined as identifiers are, in snake, kebab and camel case', () => {
    for (const joined of ['api_key', 'API_KEYS', 'api-key', 'apiKey', 'access_token', 'accessToken', 'ACCESS_TOKENS', 'private_key', 'privateKey', 'privateKeys']) {
      const text = `Returns the account's ${joined} and its settings.`;
      expect(phrasesTheTriggersMiss(text), text).toEqual([]);
      expect(labels(proseSignals(text, 'description', PLAIN)), text).toContain(`sensitive:phrase:sensitive:${joined}`);
    }
  });
});

describe('a credential in a description', () => {
  const secretsNamed = (text: string) => labels(proseSignals(text, 'description', PLAIN)).filter((signal) => signal.startsWith('sensitive:phrase:sensitive:'));

  it('is no secret the tool handles when it is what the call is made with', () => {
    for (const text of [
      'Get the groups where the user or bot represented by [access_token] is a member.',
      'Lists users using your API key.',
      'Lists repositories via the access token.',
      'Lists the projects authenticated with the API key.',
      "Reads the profile authorized with the user's access token.",
    ]) expect(secretsNamed(text), text).toEqual([]);
  });

  it('is one when the tool returns, sets or stores it, even after a mention of what the call is made with', () => {
    expect(secretsNamed('Returns the API key of the project.')).toEqual(['sensitive:phrase:sensitive:API key']);
    expect(secretsNamed('Creates a user with a password.')).toEqual(['sensitive:phrase:sensitive:password']);
    expect(secretsNamed('Lists users via an API key; returns their API keys.')).toEqual(['sensitive:phrase:sensitive:API keys']);
    expect(secretsNamed('Requires an API key. Lists users.')).toEqual(['sensitive:phrase:sensitive:API key']);
  });
});
