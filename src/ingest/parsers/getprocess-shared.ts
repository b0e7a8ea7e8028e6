/** Helpers shared by the Get-Process parsers (formats.md §2). */

/** Which process-sum property a Get-Process property name stands for (aliases per formats.md §2.1). */
export function memoryProperty(name: string): 'PM' | 'WS' | undefined {
  const key = name.trim().toLowerCase();
  if (['pm', 'pagedmemorysize', 'pagedmemorysize64', 'privatememorysize64', 'privatememorysize'].includes(key)) return 'PM';
  if (['ws', 'workingset', 'workingset64'].includes(key)) return 'WS';
  return undefined;
}

/**
 * The decimal separator of a number printed with "N2" (exactly two decimals): the separator right before
 * the last two digits. Undefined when the text is not in that form.
 */
export function n2Decimal(text: string): ',' | '.' | undefined {
  const match = /([.,])\d{2}$/.exec(text.trim());
  return match ? (match[1] as ',' | '.') : undefined;
}
