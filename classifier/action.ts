// What a tool does, as a verb and its object in the tool's own words ("exchange oauth code", "list pull requests"):
// the rationale's why says it, so two tools share a why only when they do the same thing. Pure.
import type { McpTool } from '../data/schema.ts';
import { verbOf } from './lexicon.ts';
import { firstSentence, splitIdentifier, splitText } from './words.ts';

export interface Action {
  /** The verb's lemma ("delete" for "deletes"), when the name or the description's first word is a verb. */
  verb?: string;
  /** What it acts on, in the tool's words (lowercase, at most MAX_WORDS words); empty when nothing names it. */
  object: string;
}

const MAX_WORDS = 5;
/** Words of a name that say whose tool it is, not what it does. */
const FILLER: ReadonlySet<string> = new Set(['mcp', 'tool', 'tools', 'server', 'api', 'io', 'com', 'github', 'ai', 'v1', 'v2', 'v3']);
/** Where the object of a description's verb ends. */
const OBJECT_ENDS = new Set(['in', 'on', 'from', 'with', 'using', 'by', 'to', 'into', 'and', 'or', 'that', 'which', 'via', 'when', 'if', 'as', 'at', 'of', 'based', 'across', 'within', 'through', 'without', 'so', 'including', 'such', 'like', 'for', 'about']);
/** Words before the object that say nothing about it. */
const LEADING = new Set(['a', 'an', 'the', 'all', 'any', 'some', 'specific', 'given', 'one', 'or', 'more', 'multiple', 'new', 'existing', 'your', 'user', 'user’s', 'user\'s', 'for', 'information', 'info', 'details', 'about', 'of', 'detailed', 'list']);

/** The server's name as words (`io.github.bitwarden/bitwarden-mcp-server` → io, github, bitwarden, mcp, server), and the filler; worked out once a server. */
function serverWords(server: string | undefined): ReadonlySet<string> {
  if (!server) return FILLER;
  let words = SERVER_WORDS.get(server);
  if (!words) {
    words = new Set(FILLER);
    for (const token of splitIdentifier(server)) words.add(token.word);
    if (SERVER_WORDS.size >= 1_000) SERVER_WORDS.clear();
    SERVER_WORDS.set(server, words);
  }
  return words;
}
const SERVER_WORDS = new Map<string, Set<string>>();

/** The words after a description's leading verb, up to a preposition or a comma: its object. */
function objectInProse(sentence: string, after: number): string {
  const words: string[] = [];
  const rest = sentence.slice(after);
  const stop = rest.search(/[,;:()[\]—–]|\s-\s/);
  for (const token of splitText(stop === -1 ? rest : rest.slice(0, stop))) {
    if (!words.length && LEADING.has(token.word)) continue;
    if (OBJECT_ENDS.has(token.word)) break;
    words.push(token.word);
    if (words.length === MAX_WORDS) break;
  }
  return words.join(' ');
}

/** The tool's action: the first verb of its name and the words after it (else before it), else the description's first verb and its object. */
export function actionOf(tool: McpTool, server?: string): Action {
  const skip = serverWords(server);
  const all = splitIdentifier(tool.name).filter((token) => token.word.length > 1 && !/^\d+$/.test(token.word));
  // the server's own name is dropped from the tool's ("hubspot-get-user"), unless nothing else is left
  const own = all.filter((token) => !skip.has(token.word));
  const words = (own.length ? own : all).map((token) => token.word);
  const lead = firstSentence(tool.description ?? '').text;
  const leadWords = splitText(lead);
  const proseVerb = leadWords.length ? verbOf(leadWords[0]!.word)?.lemma : undefined;
  const at = words.findIndex((word) => verbOf(word) !== undefined);
  if (at === -1) return { ...(proseVerb ? { verb: proseVerb } : {}), object: words.slice(0, MAX_WORDS).join(' ') };
  // (the lemma of an inflected verb, "deletes" → delete; a verb made again keeps its own word, "replay", not "play")
  const { lemma } = verbOf(words[at]!)!;
  const verb = words[at]!.startsWith('re') && !lemma.startsWith('re') ? `re${lemma}` : lemma;
  let object = (at + 1 < words.length ? words.slice(at + 1) : words.slice(0, at)).slice(0, MAX_WORDS).join(' ');
  // a name that is only a verb ("search") takes its object from the description ("Search the web using Exa" → web)
  if (!object && proseVerb) object = objectInProse(lead, leadWords[0]!.start + leadWords[0]!.text.length);
  return { verb, object };
}

/** The action as a phrase: "exchange oauth code", "weather forecast" when no verb says what it does. */
export function actionPhrase(action: Action): string {
  return [action.verb, action.object].filter(Boolean).join(' ');
}
