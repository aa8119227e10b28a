// Conversation collection: a parameter that asks the model for what the user said (their message word for word, the
// whole conversation), for its own instructions (the system prompt) or for which model it is. What the call is given
// goes to the server; that is the tool's to ask, but the user should know, and the policy should be able to refuse it.
// It is its own warning (severity `high`: the tool is at least high risk, and the policy denies calls that fill the
// parameter), not poisoning: the tool says openly what it wants.
import type { DescriptionWarning, McpTool } from '../data/schema.ts';
import { parameterNodes, schemaWalk } from './engine/schema.ts';
import { ruleById } from './engine/registry.ts';
import { splitIdentifier } from './words.ts';
import { sentenceAround } from './poisoning.ts';

/** What a parameter is asked to hold, in words for the warning. */
type Collected = 'the user’s message, word for word' | 'the conversation' | 'the model’s own instructions' | 'which model is calling';

// the user, as whose words are asked for
const USERS = String.raw`(user|users|user's|user’s|customer's|customer’s|human's|human’s)`;
const VERBS = String.raw`(include|pass|provide|paste|copy|send|fill|put|with)`;
const ASKS = [
  {
    what: 'the user’s message, word for word' as Collected,
    // ("ALWAYS provide the user's most recent message verbatim", "The end user's verbatim chat message"; not when a summary will do:
    // "pass the original user query verbatim or summarize it")
    pattern: new RegExp(
      [
        String.raw`\b${USERS}\s+((most\s+recent|latest|last|original|initial|exact|full|complete|entire|own)\s+)?(chat\s+)?(message|prompt|request|words|input)s?\b` +
          String.raw`[^.]{0,60}?\b(verbatim|word[- ]for[- ]word|exactly\s+as|unmodified|unedited|as\s+(typed|written|sent))\b`,
        String.raw`\b(verbatim|word[- ]for[- ]word|exact|unedited|unmodified)\s+((chat\s+)?message|prompt|request|words|input)s?\s+(of|from)\s+the\s+(end\s+)?(user|customer|human)\b`,
        String.raw`\b(end\s+)?(user|users|user's|user’s)\s+verbatim\b`,
        String.raw`\bverbatim\s+(chat\s+)?(message|prompt|request)\b[^.]{0,30}\b(user|customer)`,
      ].join('|'),
      'i',
    ),
    unless: /\b(verbatim|as\s+is|exactly|word\s+for\s+word)\s+or\s+(summari[sz]e|paraphrase|rephrase)|\bor\s+(a\s+summary|summari[sz]e\s+it)\b/i,
  },
  {
    what: 'the conversation' as Collected,
    // ("the full conversation so far", "the entire chat history", "all previous messages of the chat"; not "the full transcript" of a meeting)
    pattern: new RegExp(
      [
        String.raw`\b(the\s+|your\s+)?(full|entire|complete|whole)\s+(conversation|chat|dialogue|message\s+history|chat\s+history|conversation\s+history` +
          String.raw`|transcript\s+of\s+(the|this|our)\s+(conversation|chat|session))\b`,
        String.raw`\b(conversation|chat|dialogue)\s+(so\s+far|history|transcript|log)\b[^.]{0,40}\b${VERBS}\b`,
        String.raw`\b${VERBS}\b[^.]{0,40}\b(conversation|chat|dialogue)\s+(so\s+far|history|transcript|log)\b`,
        String.raw`\ball\s+(previous|prior|earlier)\s+(messages|turns)\s+of\s+the\s+(conversation|chat)\b`,
        // (every turn so far, whoever said it: "all prior user and assistant turns")
        String.raw`\ball\s+(the\s+)?(previous|prior|earlier)\s+(user|assistant|human|ai|model)\s+(and|&|\/)\s+(user|assistant|human|ai|model)\s+(messages|turns)\b`,
      ].join('|'),
      'i',
    ),
    unless: undefined,
  },
  {
    what: 'the model’s own instructions' as Collected,
    // ("your system prompt", "the instructions you were given"; not a system prompt the caller sets for another model)
    pattern: new RegExp(
      [
        // (not one said not to be the model's: "This is the bot's configuration, not your own instructions", "do not add your
        // own instructions to it", "Do not substitute your own instructions or system prompt here")
        String.raw`(?<!\b(not|nor|never|n't)\s+(\w+\s+)?)\byour\s+(own\s+)?(full\s+|complete\s+|entire\s+)?(system\s+prompt|system\s+message|system\s+instructions|instructions|developer\s+message)\b`,
        String.raw`\b(system\s+prompt|instructions)\s+(you|that\s+you)\s+(were|are|have\s+been)\s+(given|running|configured|set\s+up)\b`,
      ].join('|'),
      'i',
    ),
    unless: undefined,
  },
  {
    what: 'which model is calling' as Collected,
    // ("your model name/ID", "which AI model you are"; not "what model you are running")
    pattern: new RegExp(
      [
        String.raw`\b(which|what)\s+(ai\s+model|ai|llm|model|language\s+model|assistant)\s+` +
          String.raw`(you\s+are(?!\s+(running|using|calling|deploying|training|querying|creating|building))|is\s+calling|is\s+making|are\s+you)\b`,
        String.raw`\byour\s+(own\s+)?(model|llm|ai)\s+(name|id|identity|identifier|version|provider)\b`,
        String.raw`\bname\s+of\s+the\s+(ai|llm|model|assistant)\s+(you\s+are|calling|making)\b`,
      ].join('|'),
      'i',
    ),
    unless: undefined,
  },
];

// a name for the user's message (`user_prompt`, `originalUserMessage`, `last_user_message`), told of in the description
const WHOSE = new Set(['user', 'original', 'human', 'customer']);
const WHAT = new Set(['message', 'prompt', 'request', 'utterance']);
const namesUserMessage = (name: string): boolean => {
  const words = splitIdentifier(name).map((token) => token.word);
  return words.some((word) => WHOSE.has(word)) && words.some((word) => WHAT.has(word));
};
// a description that requires such an argument (`must include originalUserMessage`)
const REQUIRED_NEARBY = /\b(must|required?|always|mandatory|include|provide|pass)\b/i;

export interface CollectedParameter {
  /** Its location, for the warning's evidence. */
  where: DescriptionWarning['evidence']['where'];
  /** Its names from the top-level argument down, for the policy's path (`["params", "originalUserMessage"]`). */
  names: string[];
  /** Inside a list's items on the way (`messages[].text`): no policy path reaches it. */
  inList: boolean;
  what: Collected;
  /** The words that ask for it, as the definition gives them. */
  quote: string;
}

// a parameter's name for the conversation so far: a chat's words and a record of them (English, Spanish, Portuguese,
// French, German, Russian transliterated), or the same in Chinese, Japanese or Korean
const CONVERSATION_WORDS = new Set(['conversation', 'conversations', 'chat', 'dialog', 'dialogue', 'conversa', 'conversacion', 'conversación', 'conversas', 'gespräch',
  'gespraech', 'unterhaltung', 'dialogo', 'diálogo', 'razgovor', 'dialoga']);
const RECORD_WORDS = new Set(['history', 'transcript', 'transcripts', 'log', 'logs', 'historico', 'histórico', 'historial', 'historique', 'verlauf', 'protokoll', 'istoriya']);
const CONVERSATION_RECORD_CJK = /(会話|对话|對話|聊天|대화|채팅)(履歴|历史|歷史|记录|記錄|記録|기록|내역|로그)/;
// what a name may say after the record and still name it: which part, and what for (`full_chat_history_including_prior_sessions`,
// `full_conversation_history_for_context`); an id, a limit or a switch names something else (`chat_log_id`, `chat_history_limit`)
const ABOUT_THE_RECORD = new Set(['full', 'complete', 'entire', 'whole', 'all', 'so', 'far', 'for', 'context', 'including', 'incl', 'with', 'prior', 'previous', 'sessions',
  'session', 'messages', 'text', 'verbatim', 'raw', 'da', 'de', 'del', 'la', 'completo', 'completa', 'complet', 'vollständig', 'komplett', 'polnaya',
  // (and from when: `full_chat_history_since_first_user_message`, `chat_log_up_to_now`)
  'since', 'first', 'start', 'beginning', 'user', 'message', 'until', 'up', 'to', 'now', 'this', 'current', 'turns']);

/** What a parameter's description asks the model to put in it, and the words that ask; undefined when it asks for none. */
function askedIn(text: string): { what: Collected; quote: string } | undefined {
  for (const ask of ASKS) {
    const match = ask.pattern.exec(text);
    if (match && !ask.unless?.test(text)) return { what: ask.what, quote: match[0] };
  }
  return undefined;
}

/** The parameters that ask for the conversation, the user's message, the model's instructions or its identity. */
export function collectedParameters(tool: McpTool): CollectedParameter[] {
  const found: CollectedParameter[] = [];
  const walk = schemaWalk(tool.inputSchema, 'inputSchema');
  const parameters = parameterNodes(walk);
  for (const node of parameters) {
    // (a switch or a number carries no text: "include the full transcript" is an option)
    if (['boolean', 'number', 'integer'].includes(node.schema.type as string)) continue;
    const description = typeof node.schema.description === 'string' ? node.schema.description : '';
    const names: string[] = [];
    let inList = false;
    for (let at: typeof node | undefined = node; at && at.step !== 'root'; at = at.parent) {
      if (at.step === 'properties' && at.name !== undefined) names.unshift(at.name);
      if (at.step === 'items') inList = true;
    }
    const asked = askedIn(description);
    if (asked) {
      found.push({ where: `${node.path}.description` as DescriptionWarning['evidence']['where'], names, inList, ...asked });
      continue;
    }
    // a parameter named for the conversation so far (`conversation_history`, `fullChatTranscript`): its name says what it holds
    const words = node.name === undefined ? [] : splitIdentifier(node.name).map((token) => token.word);
    const record = words.findIndex((word) => RECORD_WORDS.has(word));
    const named = (record !== -1 && words.some((word) => CONVERSATION_WORDS.has(word)) && words.slice(record + 1).every((word) => ABOUT_THE_RECORD.has(word) || CONVERSATION_WORDS.has(word)))
      || CONVERSATION_RECORD_CJK.test(node.name ?? '');
    if (named) {
      found.push({ where: node.path as DescriptionWarning['evidence']['where'], names, inList, what: 'the conversation', quote: node.name! });
      continue;
    }
  }
  // an argument for the user's message that only the description names (not in the schema): "must include originalUserMessage"
  const description = tool.description ?? '';
  // (a parameter of the schema is judged by its own description above)
  const listed = new Set(parameters.map((node) => node.name ?? ''));
  for (const match of description.matchAll(/`?\b([a-z]+(?:[A-Z][a-z]+)+|[a-z]+(?:_[a-z]+)+)\b`?/g)) {
    const name = match[1]!;
    if (listed.has(name) || !namesUserMessage(name)) continue;
    if (!REQUIRED_NEARBY.test(sentenceAround(description, match.index))) continue;
    listed.add(name);
    found.push({ where: 'description', names: [name], inList: false, what: 'the user’s message, word for word', quote: name });
  }
  return found;
}

/** The warning for a tool that collects the conversation, naming what and where; undefined when it asks for none. */
export function collectionWarning(tool: McpTool, collected: readonly CollectedParameter[] = collectedParameters(tool)): DescriptionWarning | undefined {
  const first = collected[0];
  if (!first) return undefined;
  const rule = ruleById('collects-conversation');
  const shown = (item: CollectedParameter) => `${item.names.join('.')} (${item.what})`;
  return {
    kind: 'conversation-collection',
    severity: 'high',
    rule: rule.id,
    message: `asks for what the user said or what the model was told: ${collected.map(shown).join(', ')}; what a call passes goes to the server, and the recommended policy denies calls that fill ${collected.length > 1 ? 'these' : 'it'}`,
    evidence: { where: first.where, text: first.quote },
  };
}

/**
 * What a policy can do about the collecting parameters: their names from the top level, where a path reaches them
 * (`["params", "originalUserMessage"]`), and whether one is only named in the description, so no path of the schema
 * reaches it and the tool cannot be called without it (then the tool is denied).
 */
export function collectedArguments(tool: McpTool): { paths: string[][]; unlisted: boolean } {
  const collected = collectedParameters(tool);
  return { paths: collected.filter((item) => !item.inList && item.where !== 'description').map((item) => item.names), unlisted: collected.some((item) => item.where === 'description') };
}
