import type { ChecklistStep, Finding } from '../../attribute/types.js';
import { findingHeader } from '../format.js';
import { cleanMarkdown, cleanText } from '../sanitize.js';
import type { Report } from '../types.js';

/** One step of one finding, numbered across the whole checklist (the number is what "done" remembers). */
export interface ChecklistItem {
  index: number;
  findingIndex: number;
  finding: Finding;
  step: ChecklistStep;
}

export function checklistItems(findings: readonly Finding[]): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  findings.forEach((finding, findingIndex) => {
    for (const step of finding.checklist) items.push({ index: items.length, findingIndex, finding, step });
  });
  return items;
}

/** The checklist as a ticket takes it, with the steps marked done in the UI ticked. */
export function checklistMarkdown(report: Report, done: ReadonlySet<number>): string {
  const items = checklistItems(report.findings);
  const out = ['# guestram checklist', '', `**${cleanMarkdown(report.summary.headline)}**`, '', `${[...done].filter((i) => i < items.length).length} of ${items.length} steps done.`];
  report.findings.forEach((finding, findingIndex) => {
    out.push('', `## ${findingIndex + 1}. ${cleanMarkdown(finding.title)}`, '', `${findingHeader(finding)} · [about this cause](${finding.docs})`, '');
    for (const item of items.filter((i) => i.findingIndex === findingIndex)) {
      out.push(`- [${done.has(item.index) ? 'x' : ' '}] ${cleanMarkdown(item.step.text)}${item.step.where === 'host' ? ' *(on the host)*' : ''}`);
      if (item.step.command) out.push(`  \`${cleanText(item.step.command).replace(/`/g, "'")}\``);
    }
  });
  return `${out.join('\n')}\n`;
}
