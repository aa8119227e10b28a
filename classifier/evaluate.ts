// Measuring the classifier against labelled tools: category accuracy, destructive precision and
// recall, and the confusion matrix. Pure.
import { CATEGORIES, RISK_LEVELS, type Category, type Classification, type Risk } from '../data/schema.ts';

export interface Label {
  server: string;
  tool: string;
  category: Category;
  destructive: boolean;
  /** The severity rubric's level (docs/labelling-guide.md). */
  risk: Risk;
  note?: string;
}

export interface EvalResult {
  total: number;
  categoryAccuracy: number;
  destructivePrecision: number;
  destructiveRecall: number;
  /** Exact risk level, and within one level. */
  riskAccuracy: number;
  riskWithinOne: number;
  /** Labelled critical or high, predicted lower: the misses that let a dangerous tool through. */
  riskUnder: number;
  /** Of the tools rated critical, the share labelled critical; of those labelled critical, the share rated critical. */
  criticalPrecision: number;
  criticalRecall: number;
  criticalLabelled: number;
  /** confusion[labelled][predicted] */
  confusion: Record<Category, Record<Category, number>>;
  misses: { server: string; tool: string; labelled: string; predicted: string }[];
}

export function evaluate(pairs: { label: Label; classification: Classification }[]): EvalResult {
  const confusion = Object.fromEntries(CATEGORIES.map((row) => [row, Object.fromEntries(CATEGORIES.map((column) => [column, 0]))])) as EvalResult['confusion'];
  let correct = 0;
  let truePositive = 0;
  let falsePositive = 0;
  let falseNegative = 0;
  const misses: EvalResult['misses'] = [];
  let riskExact = 0;
  let riskNear = 0;
  let riskUnder = 0;
  let criticalBoth = 0;
  let criticalPredicted = 0;
  let criticalLabelled = 0;
  for (const { label, classification } of pairs) {
    if (classification.risk === 'critical') criticalPredicted += 1;
    if (label.risk === 'critical') criticalLabelled += 1;
    if (classification.risk === 'critical' && label.risk === 'critical') criticalBoth += 1;
    const gap = RISK_LEVELS.indexOf(classification.risk) - RISK_LEVELS.indexOf(label.risk);
    if (gap === 0) riskExact += 1;
    if (Math.abs(gap) <= 1) riskNear += 1;
    if (gap < 0 && RISK_LEVELS.indexOf(label.risk) >= 2) riskUnder += 1;
    confusion[label.category][classification.category] += 1;
    if (label.category === classification.category) correct += 1;
    if (classification.destructive && label.destructive) truePositive += 1;
    if (classification.destructive && !label.destructive) falsePositive += 1;
    if (!classification.destructive && label.destructive) falseNegative += 1;
    if (label.category !== classification.category || label.destructive !== classification.destructive || gap !== 0) {
      misses.push({
        server: label.server,
        tool: label.tool,
        labelled: `${label.category}${label.destructive ? '+destructive' : ''} ${label.risk}`,
        predicted: `${classification.category}${classification.destructive ? '+destructive' : ''} ${classification.risk}`,
      });
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    total: pairs.length,
    categoryAccuracy: ratio(correct, pairs.length),
    destructivePrecision: ratio(truePositive, truePositive + falsePositive),
    destructiveRecall: ratio(truePositive, truePositive + falseNegative),
    riskAccuracy: ratio(riskExact, pairs.length),
    riskWithinOne: ratio(riskNear, pairs.length),
    riskUnder,
    criticalPrecision: ratio(criticalBoth, criticalPredicted),
    criticalRecall: ratio(criticalBoth, criticalLabelled),
    criticalLabelled,
    confusion,
    misses,
  };
}

export function formatEval(title: string, result: EvalResult): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [
    `${title}: ${result.total} tools`,
    `  category accuracy      ${pct(result.categoryAccuracy)}`,
    `  destructive precision  ${pct(result.destructivePrecision)}`,
    `  destructive recall     ${pct(result.destructiveRecall)}`,
    `  risk exact             ${pct(result.riskAccuracy)} (within one level ${pct(result.riskWithinOne)}; ${result.riskUnder} high or critical tools rated lower)`,
    `  critical recall        ${result.criticalRecall.toFixed(2)} at precision ${result.criticalPrecision.toFixed(2)} (${result.criticalLabelled} labelled critical)`,
    '  confusion (rows: labelled, columns: predicted)',
    `  ${''.padEnd(9)}${CATEGORIES.map((c) => c.padStart(9)).join('')}`,
    ...CATEGORIES.map((row) => `  ${row.padEnd(9)}${CATEGORIES.map((column) => String(result.confusion[row][column]).padStart(9)).join('')}`),
  ];
  return lines.join('\n');
}
