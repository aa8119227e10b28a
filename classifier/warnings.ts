// Description warnings (tool poisoning): text in a tool's definition aimed at the model rather
// than the user. Each warning carries the exact text it came from.
import type { DescriptionWarning, McpTool } from '../data/schema.ts';

const HIDDEN_MARKUP = /<\s*\/?\s*(important|system|instructions?|secret|hidden|admin)\b[^>]{0,40}>|\b(ignore|disregard|forget)\s+(all\s+)?(the\s+|your\s+)?(previous|prior|above|earlier|other)\s+(instructions?|prompts?|messages?|rules?)|\b(do\s+not|don'?t|never)\s+(tell|inform|mention\s+(this\s+)?to|reveal\s+(this\s+)?to|notify|alert)\s+the\s+user\b|\bwithout\s+(telling|informing|notifying|alerting)\s+the\s+user\b|\b(the\s+user\s+(must|should)\s+not\s+(know|see|be\s+told))\b/i;

// secret files and stores, in an instruction to read or pass them along
const SECRET_PATHS = /~\/\.ssh\b[^\s"'`]*|\bid_(rsa|ed25519|ecdsa)\b|(?<![\w-])\.env\b(?!ironment)|\bcredentials?\.json\b|~\/\.aws\b[^\s"'`]*|~\/\.(config|cursor|kube|docker|gnupg|netrc)\b[^\s"'`]*|\/etc\/(passwd|shadow)\b|\bmcp\.json\b|\bclaude_desktop_config\.json\b/i;
const SECRET_READ_CONTEXT = /\b(read|cat|open|send|include|pass|upload|contents?\s+of|provide|attach|copy|print|return)\b/i;

// coercion about other tools: which to call first, which never to call
const COERCIVE_TOOL = /\b(before|prior\s+to)\s+(calling|using|invoking)\s+any\s+other\s+tools?\b|\binstead\s+of\s+(calling|using)\s+(the\s+)?[`'"]?(?!this\b|that\b)[a-z][\w.-]*[`'"]?\s+tool\b|\b(do\s+not|don'?t|never)\s+(call|use|invoke)\s+(the\s+|any\s+)?(other\s+)?[`'"]?(?!this\b)[a-z][\w.-]*[`'"]?\s+tools?\b/i;
// a named tool the text tells the model to call
const NAMED_TOOL = /\b(?:call|invoke|use|run|trigger)\s+(?:the\s+)?[`'"]?([A-Za-z][A-Za-z0-9]*(?:[_.-][A-Za-z0-9]+)+)[`'"]?\s+tool\b/gi;

// the same set without the u flag (tag characters as their surrogate pairs): a faster first test
const INVISIBLE_FAST = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]|\udb40[\udc00-\udc7f]/;

// text-hiding characters: bidirectional embeddings, overrides and isolates (they reorder what a
// reader sees) and tag characters (invisible ASCII a model still reads)
const HIDING = /[\u202a-\u202e\u2066-\u2069]|[\u{e0000}-\u{e007f}]/u;
// zero-width characters, invisible separators, soft hyphens: they also occur in ordinary text
// (emoji sequences, right-to-left marks), so alone they are a note
const ZERO_WIDTH = /[\u200b-\u200f\u2060-\u2064\ufeff\u00ad]/u;
const TAG_CHARACTERS = /[\u{e0020}-\u{e007e}]+/gu;

// words a definition shouts at the model; alone they are style, not an attack
const SHOUTING = /\b(MANDATORY|MUST|ALWAYS|NEVER|IMPORTANT|CRITICAL|REQUIRED)\b/;

const EXFIL_PARAM = /^(notes?|context|details|metadata|extra|info|data|comment|reasoning|sidenote|side_note|feedback|conversation|history|summary)$/i;
const EXFIL_ASK = /~\/\.[\w./-]+|\bmcp\.json\b|\bid_rsa\b|\b(conversation|chat\s+history|previous\s+messages|system\s+prompt|secrets?|credentials?|api[_ -]?keys?|tokens?|passwords?|ssh|\.env|environment\s+variables|everything\s+the\s+user)\b/i;

const EXFIL_VERB = /\b(include|put|add|pass|fill|provide|copy|paste|insert|send|attach|append|dump|list|summari[sz]e)\b/i;
const EXFIL_NEGATION = /\b(never|not|don'?t|no|without|avoid|exclude|omit)\b/i;

function sentences(text: string): string[] {
  return text ? text.split(/(?<=[.!?])\s+|\n+/).filter((sentence) => sentence.trim()) : [];
}

/** Descriptions longer than this are flagged: real tools rarely need more, hidden payloads often do. */
export const EXTREME_LENGTH = 10_000;

function quoteMatch(text: string, match: RegExpExecArray | null, max = 160): string | undefined {
  if (!match) return undefined;
  return text.slice(match.index, match.index + Math.min(match[0].length, max));
}

function describeCodePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** One warning of each kind is enough to show; the first is the evidence. */
function addOnce(warnings: DescriptionWarning[], warning: DescriptionWarning): void {
  for (const existing of warnings) if (existing.kind === warning.kind) return;
  warnings.push(warning);
}

/** The ASCII that tag characters (U+E0020–U+E007E) spell: invisible to people, read by models. */
export function decodeTagCharacters(text: string): string {
  let decoded = '';
  for (const match of text.matchAll(TAG_CHARACTERS)) {
    for (const char of match[0]) decoded += String.fromCharCode(char.codePointAt(0)! - 0xe0000);
    decoded += ' ';
  }
  return decoded.trim();
}

/** True when a warning is tool poisoning (it makes the tool critical and hidden); notes change nothing. */
export const isPoisoning = (warning: DescriptionWarning): boolean => warning.severity === 'poisoning';

/**
 * Warnings for one tool, each graded. `siblings` are the names of the server's own tools: pointing
 * to one of those ("use the list-users tool to get an ID") is ordinary guidance; pointing to a tool
 * this crawl did not list is a note (the crawl may be partial); coercing the model about other
 * tools is poisoning.
 */
export function descriptionWarnings(tool: McpTool, siblings: ReadonlySet<string> = new Set()): DescriptionWarning[] {
  const warnings: DescriptionWarning[] = [];
  // texts to scan, with the parameter they belong to (a location string is made only for a warning)
  const texts: { where: 'name' | 'title' | 'description' | null; param?: string; text: string }[] = [];
  if (tool.description) texts.push({ where: 'description', text: tool.description });
  if (tool.title) texts.push({ where: 'title', text: tool.title });
  texts.push({ where: 'name', text: tool.name });
  const properties = (tool.inputSchema.properties ?? {}) as Record<string, { description?: unknown; type?: unknown }>;
  const exfilParams: string[] = [];
  for (const param in properties) {
    if (!Object.hasOwn(properties, param)) continue;
    const schema = properties[param];
    if (schema && typeof schema === 'object' && typeof schema.description === 'string') texts.push({ where: null, param, text: schema.description });
    if (EXFIL_PARAM.test(param)) exfilParams.push(param);
  }
  const add = (warning: DescriptionWarning) => addOnce(warnings, warning);
  for (const entry of texts) {
    const { text } = entry;
    // cheap substring tests first: most texts have none of the words the expensive patterns need
    const lower = text.toLowerCase();
    const maybeHidden = lower.includes('<') || lower.includes('ignore') || lower.includes('disregard') || lower.includes('forget') || lower.includes('user');
    const maybeSecret = lower.includes('~/') || lower.includes('.env') || lower.includes('id_') || lower.includes('credential') || lower.includes('/etc/') || lower.includes('mcp.json') || lower.includes('claude_desktop');
    const maybeTools = lower.includes('tool');
    const maybeInvisible = INVISIBLE_FAST.test(text);
    const shout = entry.where === 'description' ? SHOUTING.exec(text) : null;
    if (!(maybeHidden || maybeSecret || maybeTools || maybeInvisible || shout)) continue;
    const where = entry.where ?? (`inputSchema.properties.${entry.param}.description` as const);
    const hidden = maybeHidden ? quoteMatch(text, HIDDEN_MARKUP.exec(text)) : undefined;
    if (hidden) add({ kind: 'hidden-instructions', severity: 'poisoning', message: 'instructions aimed at the model, hidden in the definition', evidence: { where, text: hidden } });
    const secret = maybeSecret ? SECRET_PATHS.exec(text) : null;
    if (secret && SECRET_READ_CONTEXT.test(text.slice(Math.max(0, secret.index - 120), secret.index + secret[0].length + 120))) {
      add({ kind: 'secret-access', severity: 'poisoning', message: 'asks for secrets or credential files to be read or passed along', evidence: { where, text: quoteMatch(text, secret)! } });
    }
    const coercive = maybeTools ? quoteMatch(text, COERCIVE_TOOL.exec(text)) : undefined;
    if (coercive) add({ kind: 'tool-coercion', severity: 'poisoning', message: 'tells the model which other tools to call or avoid', evidence: { where, text: coercive } });
    for (const match of maybeTools ? text.matchAll(NAMED_TOOL) : []) {
      if (siblings.has(match[1]!) || match[1] === tool.name) continue;
      add({ kind: 'unknown-tool-reference', severity: 'note', message: `refers to a tool named “${match[1]!.slice(0, 80)}” that this crawl did not list (it may come from another server, or the listing was partial)`, evidence: { where, text: match[0] } });
      break;
    }
    if (maybeInvisible) {
      const hiding = HIDING.exec(text);
      if (hiding) {
        const decoded = decodeTagCharacters(text);
        add({
          kind: 'invisible-unicode',
          severity: 'poisoning',
          message: decoded
            ? `hides text in invisible Unicode tag characters; decoded, it reads: “${decoded.slice(0, 200)}”`
            : `contains bidirectional control characters (${describeCodePoint(hiding[0])}) that change what a reader sees`,
          evidence: { where, text: hiding[0] },
        });
      } else {
        const zeroWidth = ZERO_WIDTH.exec(text);
        if (zeroWidth) add({ kind: 'hidden-characters', severity: 'note', message: `contains an invisible character (${describeCodePoint(zeroWidth[0])})`, evidence: { where, text: zeroWidth[0] } });
      }
    }
    if (shout) {
      add({ kind: 'shouting', severity: 'note', message: `insists in capitals (“${shout[0]}”); style, not a risk by itself`, evidence: { where, text: shout[0] } });
    }
  }
  if ((tool.description?.length ?? 0) > EXTREME_LENGTH) {
    add({
      kind: 'extreme-length',
      severity: 'note',
      message: `the description is ${tool.description!.length.toLocaleString('en-US')} characters long`,
      evidence: { where: 'description', text: tool.description!.slice(0, 80) },
    });
  }
  const description = tool.description ?? '';
  for (const param of exfilParams) {
    const schema = properties[param];
    const type = schema && typeof schema === 'object' ? (schema as { type?: unknown }).type : undefined;
    if (type !== undefined && type !== 'string') continue;
    const paramDescription = typeof schema?.description === 'string' ? schema.description : '';
    const candidates: { where: DescriptionWarning['evidence']['where']; sentence: string; source: string }[] = [
      ...sentences(paramDescription).map((sentence) => ({ where: `inputSchema.properties.${param}.description` as const, sentence, source: paramDescription })),
      ...sentences(description)
        .filter((sentence) => sentence.toLowerCase().includes(param.toLowerCase()))
        .map((sentence) => ({ where: 'description' as const, sentence, source: description })),
    ];
    for (const candidate of candidates) {
      const asked = EXFIL_ASK.exec(candidate.sentence);
      if (!asked || !EXFIL_VERB.test(candidate.sentence) || EXFIL_NEGATION.test(candidate.sentence)) continue;
      add({
        kind: 'exfiltration-parameter',
        severity: 'poisoning',
        message: `the free-text parameter "${param}" is to be filled with ${asked[0].toLowerCase()}`,
        evidence: { where: candidate.where, text: asked[0] },
      });
      break;
    }
  }
  return warnings;
}
