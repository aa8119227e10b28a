// A lookup keyed by text into an ordinary object finds what its prototype has: a tool parameter
// named `constructor` or `toString`, a search word `__proto__`, reads a function instead of
// "nothing", and writing `__proto__` replaces the prototype instead of adding a key. Definitions,
// descriptions and names come from strangers, so text-keyed tables are Maps (or null-prototype
// objects read through `own()` in data/own.ts), and this rule reports `object[text]` and
// `text in object` on anything else.
import { ESLintUtils } from '@typescript-eslint/utils';
import ts from 'typescript';

const SAFE_CONTAINERS = /^(Map|Set|WeakMap|ReadonlyMap|ReadonlySet|URLSearchParams|Headers|Array|ReadonlyArray|String|(Ui|I)nt(8|16|32)Array|Uint8ClampedArray|Float(32|64)Array|Big(Ui|I)nt64Array)$/;

function isStringy(checker, type) {
  if (type.isUnion()) return type.types.some((part) => isStringy(checker, part));
  // a string literal or a union of literals is a fixed key the code chose, not text from outside
  if (type.isStringLiteral()) return false;
  return (type.flags & (ts.TypeFlags.String | ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0 || (type.flags & ts.TypeFlags.TemplateLiteral) !== 0;
}

function isSafeContainer(checker, type) {
  if (type.isUnion()) return type.types.every((part) => part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null) || isSafeContainer(checker, part));
  if (checker.isArrayType(type) || checker.isTupleType(type)) return true;
  if (type.flags & ts.TypeFlags.StringLike) return true;
  const symbol = type.getSymbol() ?? type.aliasSymbol;
  if (symbol && SAFE_CONTAINERS.test(symbol.getName())) return true;
  return false;
}

export default ESLintUtils.RuleCreator(() => 'https://github.com/toolrisk/toolrisk/blob/main/docs/robustness.md')({
  name: 'no-text-keyed-lookup',
  meta: {
    type: 'problem',
    docs: { description: 'no object[text] on objects with a prototype' },
    messages: {
      lookup: 'A lookup keyed by text ({{key}}) into an object with a prototype finds Object.prototype\'s members ("constructor", "__proto__"). Use a Map, or own() from data/own.ts.',
      inOperator: '`{{key}} in …` on an object with a prototype is true for "constructor" and "toString". Use a Map, or Object.hasOwn().',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const services = ESLintUtils.getParserServices(context);
    const checker = services.program.getTypeChecker();
    return {
      MemberExpression(node) {
        if (!node.computed) return;
        const keyType = services.getTypeAtLocation(node.property);
        if (!isStringy(checker, keyType)) return;
        const objectType = services.getTypeAtLocation(node.object);
        if (isSafeContainer(checker, objectType)) return;
        context.report({ node, messageId: 'lookup', data: { key: context.sourceCode.getText(node.property).slice(0, 40) } });
      },
      BinaryExpression(node) {
        if (node.operator !== 'in' || node.left.type === 'PrivateIdentifier') return;
        if (!isStringy(checker, services.getTypeAtLocation(node.left))) return;
        if (isSafeContainer(checker, services.getTypeAtLocation(node.right))) return;
        context.report({ node, messageId: 'inOperator', data: { key: context.sourceCode.getText(node.left).slice(0, 40) } });
      },
    };
  },
});
