// The scan as a CI gate: which tools and findings cross the thresholds the user set, in lines for
// stderr, and the exit code (1 when anything crossed).
import type { Risk } from '../data/schema.ts';
import { atOrAbove } from '../classifier/run.ts';
import { riskReason, type ScanReport } from './scan.ts';

export interface GateOptions {
  failOn?: Risk;
  failOnWarning?: boolean;
  failOnChange?: boolean;
  /** Servers whose unknown tools --fail-on accepts (`--allow-unknown`, the overrides file's `allow-unknown`). */
  allowUnknown?: readonly string[];
}

export function gate(report: ScanReport, options: GateOptions): { exit: number; lines: string[] } {
  const lines: string[] = [];
  let exit = 0;
  if (options.failOn) {
    const level = options.failOn;
    const crossed = report.servers.filter((server) => !server.disabled).flatMap((server) => server.tools.filter((tool) => atOrAbove(tool.risk, level)).map((tool) => ({ server, tool })));
    if (crossed.length) {
      exit = 1;
      lines.push(`fail-on ${level}: ${crossed.length} tool${crossed.length === 1 ? '' : 's'} at or above ${level}:`);
      for (const { server, tool } of crossed) lines.push(`  ${server.name}/${tool.tool}  ${tool.risk}  ${riskReason(tool)}`);
    }
    const accepted = new Set(options.allowUnknown ?? []);
    const unknown = report.unknown.filter((server) => !accepted.has(server.name));
    if (unknown.length) {
      exit = 1;
      lines.push(`fail-on ${level}: ${unknown.length} server${unknown.length === 1 ? '' : 's'} with unknown tools (unknown risk counts as failing; accept one with --allow-unknown NAME):`);
      for (const server of unknown) lines.push(`  ${server.name}  ${server.note ?? 'tools unknown'}`);
    }
    const allowed = report.unknown.filter((server) => accepted.has(server.name));
    if (allowed.length) lines.push(`fail-on ${level}: accepted with unknown tools (--allow-unknown): ${allowed.map((server) => server.name).join(', ')}`);
    if (!exit) lines.push(`fail-on ${level}: no tool is at or above ${level}.`);
  }
  if (options.failOnWarning) {
    const warned = report.findings.filter((finding) => (finding.level === 'error' || finding.level === 'warning') && !['command-execution', 'credential-access', 'high-impact-tool'].includes(finding.rule));
    if (warned.length) {
      exit = 1;
      lines.push(`fail-on-warning: ${warned.length} finding${warned.length === 1 ? '' : 's'}:`);
      for (const finding of warned) lines.push(`  ${finding.owasp} ${finding.rule}: ${finding.message}`);
    } else lines.push('fail-on-warning: no warning.');
  }
  if (options.failOnChange) {
    if (report.lockChanges.length) {
      exit = 1;
      lines.push(`fail-on-change: ${report.lockChanges.length} change${report.lockChanges.length === 1 ? '' : 's'} since the lock file:`);
      for (const change of report.lockChanges) lines.push(`  ${change.message}`);
    } else lines.push('fail-on-change: nothing changed since the lock file.');
  }
  return { exit, lines: lines.map((line) => report.redactor.redact(line)) };
}
