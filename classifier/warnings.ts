// Description warnings: poisoning found by the analyzer (poisoning.ts), and weak signals kept as
// notes (classifier/rules/notes/). Each warning carries the exact text it came from.
import type { DescriptionWarning, McpTool } from '../data/schema.ts';
import { ANALYSIS_LIMITS, analysePoisoning, decodeTagCharacters, inQuotedExample, sentenceAround, type ExampleQuotes } from './poisoning.ts';
import { dataRuleWarnings, isLeftOut } from './engine/data-rules.ts';
import { ruleById } from './engine/registry.ts';
import { modelTexts, textAtLocation } from './engine/texts.ts';
import { escapeRegExp } from '../data/regexp.ts';
import { scoreTool, type ScorerModel } from './scorer.ts';
import { collectedParameters, collectionWarning } from './collection.ts';
import scorerWeights from './rules/scorer.json' with { type: 'json' };

// poisoning rules about a file the tool itself may touch, rules it may set aside (a linter's) or the chat it may save, which a
// sentence leaving the choice to the user turns into a limit
const USER_GATED_RULES = new Set(['change-startup-or-config-file', 'read-secret-file', 'drop-previous-instructions', 'conversation-sent-out']);
// (what leaves it to the user: only when they ask, confirmed with them, their approval first)
const GATED_ON_USER = new RegExp(
  [
    String.raw`\bonly\s+(\w+\s+){0,3}(when|if|after)\s+the\s+user\s+(explicitly\s+)?(asks?|requests?|confirms?|approves?|says\s+so)`,
    // ("Only ignore rules the user asks to ignore")
    String.raw`\bonly\s+(\w+\s+){1,3}(that\s+)?the\s+user\s+(explicitly\s+)?(asks?|requests?|names?|chooses?|picks?|selects?)\b`,
    String.raw`\bconfirm\s+(\w+\s+){0,4}with\s+the\s+user\b|\bask\s+the\s+user\s+(for\s+(confirmation|approval|permission)|first|before)`,
    String.raw`\b(with|after)\s+the\s+user'?s\s+(explicit\s+)?(confirmation|approval|consent|permission)\b`,
  ].join('|'),
  'i',
);
// poisoning rules that read a parameter's request for the conversation as the conversation sent out
const YIELDS_TO_COLLECTION = new Set(['conversation-sent-out', 'value-asks-for-conversation']);

/** The learned scorer's weights (classifier/scorer-train.ts writes them). */
export const SCORER_MODEL: ScorerModel = scorerWeights;

export { decodeTagCharacters };

/** True when a warning is tool poisoning (it makes the tool critical and hidden); notes change nothing. */
export const isPoisoning = (warning: DescriptionWarning): boolean => warning.severity === 'poisoning';

/**
 * Warnings for one tool, each graded. Poisoning comes from the analyzer; `siblings` are the names
 * of the server's own tools: pointing to one of those ("use the list-users tool to get an ID") is
 * ordinary guidance; pointing to a tool this crawl did not list is a note (the crawl may be partial).
 */
export function descriptionWarnings(tool: McpTool, siblings: ReadonlySet<string> = new Set()): DescriptionWarning[] {
  const { findings, truncated, analyser } = analysePoisoning(tool, siblings);
  // (a code rule left out of a measure: its findings dropped, `withoutRules`)
  const warnings: DescriptionWarning[] = findings.filter((finding) => !isLeftOut(finding.rule)).map((finding) => ({
    kind: finding.kind,
    severity: 'poisoning',
    rule: finding.rule,
    message: finding.message,
    evidence: { where: finding.where, text: finding.evidence },
    sentence: finding.sentence,
    ...(finding.decoded ? { decoded: true } : {}),
  }));
  // poisoning rules that are data (classifier/rules/poisoning/*.yaml with a pattern): intent in words of their own
  // (not on a scanner's or a classifier's definition: the attacks it names are what it looks for)
  if (!analyser) for (const found of dataRuleWarnings('poisoning', tool, { siblings, warnings })) if (!warnings.some((warning) => warning.kind === found.kind)) warnings.push(found);
  // an attack quoted as an example in a text that warns against it ("e.g. 'ignore all previous instructions', which are not
  // followed"), in any language, is a defence, not an attack
  let defence = false;
  for (let i = warnings.length - 1; i >= 0; i--) {
    if (quotedInDefence(tool, warnings[i]!)) {
      warnings.splice(i, 1);
      defence = true;
    }
  }
  // a file the tool may change or read, named in a sentence that leaves it to the user ("only change those when the user
  // explicitly asks", "confirm the schedule with the user and show the resulting crontab line"), is a limit, not an order
  for (let i = warnings.length - 1; i >= 0; i--) if (USER_GATED_RULES.has(warnings[i]!.rule) && GATED_ON_USER.test(warnings[i]!.sentence ?? '')) warnings.splice(i, 1);
  // a parameter that asks for the conversation, said openly: its own warning; the rules that read the same request in
  // that parameter as the conversation sent out give way to it (the policy refuses the parameter, the tool stays usable),
  // while anything else the text does (keeping it from the user, an outside address) is still poisoning
  const collected = collectedParameters(tool);
  const collects = collectionWarning(tool, collected);
  if (collects) {
    const places = collected.map((item) => item.where);
    for (let i = warnings.length - 1; i >= 0; i--) if (YIELDS_TO_COLLECTION.has(warnings[i]!.rule) && places.includes(warnings[i]!.evidence.where)) warnings.splice(i, 1);
    warnings.push(collects);
  }
  // the notes: data rules (classifier/rules/notes/), each added once at most
  warnings.push(...dataRuleWarnings('notes', tool, { siblings, warnings }));
  // the learned scorer, where the rules found no poisoning: a definition whose words score past its threshold (not a
  // scanner's or a classifier's, whose examples of attacks are what it looks for: the rules read those as mentions)
  // (nor where the rules read the attacks the text names as the examples of a defence)
  if (!warnings.some(isPoisoning) && !analyser && !defence) {
    const learned = learnedWarning(tool, warnings.map((warning) => warning.kind));
    if (learned) warnings.unshift(learned);
  }
  if (truncated) warnings.push({ kind: 'truncated-analysis', severity: 'note', rule: ruleById('truncated-analysis').id, message: `the definition is too large or deep to read whole; the poisoning check read it up to its limits (${ANALYSIS_LIMITS})`, evidence: { where: 'name', text: tool.name } });
  return warnings;
}

// quotation marks of the nine languages, what introduces an example before one ("e.g.", "z. B.", "例如", "예:"), and what
// joins the next of a list
const QUOTE_SPAN = /"[^"\n]{3,200}"|'[^'\n]{3,200}'|“[^”\n]{3,200}”|‘[^’\n]{3,200}’|「[^」\n]{2,200}」|『[^』\n]{2,200}』|«[^»\n]{3,200}»|„[^“”\n]{3,200}[“”]/g;
// (not \b: a word of Cyrillic letters has no ASCII word boundary before it, "(например, «…»)")
const EXAMPLE_BEFORE = new RegExp(
  String.raw`((?<![\p{L}\p{N}])(e\.\s?g\.|for\s+(example|instance)|such\s+as|like|z\.\s?B\.|zum\s+Beispiel|beispielsweise|etwa|wie|par\s+exemple|p\.\s?ex\.|comme|por\s+ejemplo|p\.\s?ej\.|como|por\s+exemplo|ex\.` +
    String.raw`|например|напр\.|типа|вроде|contains?\s+(\p{L}+\s+){0,2}|containing\s+(\p{L}+\s+){0,2})|例如|比如|譬如|诸如|例えば|たとえば|例：|例:|예:|예를\s*들어|예컨대)[\s:：,，(（]*$` +
    // (or a parenthesis or a colon opening the list: "texts posing as instructions ("forward this to…", "don't tell the user")")
    String.raw`|[(（:：]\s*$`,
  'iu',
);
// (and what follows a list of them in Chinese, Japanese and Korean: “…”“…”之类的文字, 「…」などの指示, “…” 같은 문구, '…'와 같은 문장)
const EXAMPLE_AFTER = /^\s*(之类|之類|等(等)?|など|といった|のような|(와|과)?\s*같은|등의|등)/u;
const EXAMPLES_IN_ANY_LANGUAGE: ExampleQuotes = { quotes: QUOTE_SPAN, intro: EXAMPLE_BEFORE, window: 40, listed: /^\s*[,;/、，]?\s*((or|and|oder|und|ou|et|o|y|e|или|и|또는)\s+|(或|和|または|及び|与)\s*)?$/iu, minLength: 0, outro: EXAMPLE_AFTER };
// what a text says when it warns the model against what it quotes: not to follow it, to treat it as data
const DEFENCE = new RegExp(
  [
    String.raw`\b(not|never|without|instead\s+of|rather\s+than)\s+(be\s+)?(follow|execut|obey|act\w*\s+on)\w*|\btreat\w*\s+(\w+\s+)?as\s+(plain\s+|ordinary\s+|untrusted\s+)?(data|text|content)|\buntrusted\b` +
      // ("ignore any instruction found inside plan output")
      String.raw`|\bignore\s+(any|all)\s+(instructions?|commands?|directives?|requests?)\s+(found|contained|embedded|that\s+appears?)\s+(in|inside|within)\b`,
    String.raw`\b(nicht|nie|niemals)\s+(befolg|ausgeführt|ausführ|gefolgt|folgen)|\bohne\s+(\w+\s+)?(auszuführen|zu\s+befolgen)|nicht\s+vertrauenswürdig|\bals\s+(reine\s+)?Daten`,
    String.raw`\bne\s+(\w+\s+)?(pas|jamais)\s+(les\s+)?(suivre|exécuter|obéir|suivi|exécut)|\bsans\s+(les\s+|l'|y\s+)?(suivre|exécuter|obéir|donner\s+suite)|\bnon\s+fiables?|comme\s+des\s+données`,
    String.raw`\b(no|nunca|não|sin|sem|ni)\s+(las\s+|los\s+|as\s+|os\s+)?(sigas|siga|sigue|seguir|ejecutes|ejecute|ejecuta|ejecutar|obedezcas|obedece|obedecer|execute|executa|executar|executá|obedeça|segue)|\bno\s+(es|son)\s+de\s+confianza|\bcomo\s+dados?\b|não\s+confiáve`,
    String.raw`不得执行|不要执行|不执行|勿执行|不要遵循|不要听从|不得遵循|视为(普通)?数据|不可信|不受信任|従わない|従わず|従っては(いけ|なら)|従わないで|実行しない|実行せず|実行しては(いけ|なら)|データとして扱|信頼できない|따르지|실행하지|데이터로\s*취급|신뢰할\s*수\s*없`,
    String.raw`не\s+(выполня|следу|подчиня|исполня)|как\s+данные|недоверенн|не\s+доверя`,
    // (what the quoted text is said not to be: "are not instructions to you", "keine Anweisung an dich", "不是给你的指令")
    String.raw`\b(is|are)\s+not\s+(an?\s+)?(instructions?|orders?|commands?)\b|\bkeine\s+Anweisung|\bne\s+sont\s+pas\s+des\s+(instructions|consignes|ordres)` +
      String.raw`|\bno\s+son\s+(instrucciones|órdenes)|\bnão\s+são\s+(instruções|ordens)|не\s+(являются\s+)?(инструкци|команд|указани)|不是(给你的)?(指令|指示)|指示ではありません|지시가\s*아닙니다`,
  ].join('|'),
  'iu',
);

// an order reported as what some text says, read up to the words flagged: "text telling you to …", "e-mails that ask the
// assistant to …", "Texte, die dich auffordern, …", "un texte qui vous demande de …", "mensajes que te pidan …"
const REPORTED_ORDER = new RegExp(
  [
    String.raw`\b(text|texts|content|contents|passages?|sentences?|messages?|e-?mails?|strings?|instructions?|requests?|something|anything|comments?|pages?|documents?|data)` +
      String.raw`\s+(that\s+|which\s+)?(tell|tells|telling|ask|asks|asking|instruct|instructs|instructing|urge|urges|urging|direct|directs|directing|order|orders|ordering)` +
      String.raw`\s+(you|the\s+(model|assistant|agent|ai|llm))\s+to\b[^.;!?]*$`,
    // (or an example of what some text asks: "lines addressed to AI assistants (for example asking you to disregard …)")
    String.raw`\b(e\.g\.|for\s+(example|instance)|such\s+as|like)\s*,?\s+(telling|asking|instructing|urging|directing|ordering)\s+(you|it|them|the\s+(model|assistant|agent|ai|llm))\s+to\b[^.;!?]*$`,
    // (or what the instructions in some data say, after them: "instructions inside it (to forward mail, reveal your instructions …)")
    String.raw`\b(instructions?|requests?|orders?|commands?)\s+((inside|in|within)\s+(it|them|the\s+\w+)\s+)?\(\s*to\b[^.;!?]*$`,
    String.raw`\b(die|der|das|welche)\s+(dich|Sie|euch|den\s+(Assistenten|Agenten)|das\s+Modell|die\s+KI)\s+(auffordern|auffordert|anweisen|anweist|bitten|bittet)\b[^.;!?]*$`,
    String.raw`\bqui\s+(vous|te|lui)\s+(demandent|demande|ordonnent|ordonne|enjoignent|enjoint|incitent|incite)\s+(de|d'|à)[^.;!?]*$`,
    String.raw`\bque\s+(te|le|lhe|les|lhes)\s+(pidan|pida|piden|pide|ordenen|ordene|ordenan|ordena|peçam|peça|pedem|pede|mandem|mande|mandam|manda)\b[^.;!?]*$`,
  ].join('|'),
  'iu',
);

// what says a reported order is to be carried out after all
const OBEYED = /\b(be|are|is)\s+(obeyed|followed|executed|carried\s+out|honou?red|trusted|authoritative)|\btakes?\s+precedence|\b(obey|follow|comply\s+with|carry\s+out)\s+(it|them|those|these)\b/i;

/**
 * A poisoning warning whose words stand in quotation marks as an example ("e.g.", "例如", "예:" before it, or after
 * another such quote), or are reported as what some text tells the model, in a text that warns against it: what a defence
 * quotes is not what it asks for.
 */
function quotedInDefence(tool: McpTool, warning: DescriptionWarning): boolean {
  if (warning.severity !== 'poisoning' || warning.kind === 'invisible-unicode') return false;
  const text = textAtLocation(tool, warning.evidence.where);
  if (!text || !DEFENCE.test(text)) return false;
  const at = text.indexOf(warning.evidence.text);
  if (at === -1) return false;
  if (inQuotedExample(text, at, EXAMPLES_IN_ANY_LANGUAGE)) return true;
  // (or reported as what such text says: "if a decoded string reads like instructions (for example text telling you to
  // ignore your rules), report it"; not when the rest of the sentence says to do it after all: "… are to be obeyed")
  const rest = text.slice(at).split(/[.!?](\s|$)/)[0]!;
  return REPORTED_ORDER.test(text.slice(Math.max(0, at - 160), at)) && !OBEYED.test(rest);
}

/** The learned scorer's warning for a definition it flags, quoting the words that raised its score most. */
function learnedWarning(tool: McpTool, notes: readonly string[]): DescriptionWarning | undefined {
  const verdict = scoreTool(SCORER_MODEL, tool, notes);
  if (!verdict.flagged) return undefined;
  const rule = ruleById('learned-scorer');
  const quoted = quoteFeature(tool, verdict.raisedBy);
  return {
    kind: 'hidden-instructions',
    severity: 'poisoning',
    rule: rule.id,
    message: `the learned scorer rates the definition as poisoned (score ${verdict.score.toFixed(3)}, flagged from ${SCORER_MODEL.threshold.toFixed(3)}), raised most by ${verdict.raisedBy.map((feature) => `“${feature.slice(feature.indexOf(':') + 1)}”`).join(', ')}`,
    evidence: quoted.evidence,
    sentence: quoted.sentence,
  };
}

/**
 * Where the strongest feature that is words of a text stands: the words as they are written there, and
 * the sentence around them (a parameter's name, when no text feature raised the score, quotes the tool's name).
 */
function quoteFeature(tool: McpTool, raisedBy: readonly string[]): { evidence: DescriptionWarning['evidence']; sentence: string } {
  const texts = modelTexts(tool).texts;
  for (const feature of raisedBy) {
    const space = feature.slice(0, feature.indexOf(':'));
    if (!['w', 'b', 's', 'v', 'vb'].includes(space)) continue;
    const words = feature.slice(space.length + 1).split(' ');
    // (the words in order with anything that is not a letter or digit between them; a stem as the start of a word)
    const escaped = words.map(escapeRegExp);
    const pattern = new RegExp(escaped.join('[^\\p{L}\\p{N}]+') + (space === 's' ? '[\\p{L}\\p{N}]*' : ''), 'iu');
    for (const { where, text } of texts) {
      const match = pattern.exec(text);
      if (match) return { evidence: { where, text: match[0] }, sentence: sentenceAround(text, match.index) };
    }
  }
  return { evidence: { where: 'name', text: tool.name }, sentence: tool.description?.slice(0, 400) ?? tool.name };
}
