import { CAUSE_INFO, docsPage } from '../attribute/catalog.js';
import { CAUSES, type Cause } from '../attribute/types.js';
import { readPackageFile } from '../package-file.js';

export function isCause(name: string): name is Cause {
  return (CAUSES as readonly string[]).includes(name);
}

/** Accepts `balloon`, `balloon.md` or the `docs/causes/balloon.md` a finding links to. */
export function causeFromArgument(argument: string): Cause | undefined {
  const name = argument.trim().replace(/\\/g, '/').split('/').pop()!.replace(/\.md$/i, '').toLowerCase();
  return isCause(name) ? name : undefined;
}

export function causePage(cause: Cause): Promise<string> {
  return readPackageFile(docsPage(cause));
}

/** The page's title line after "<cause> — ", e.g. "a memory balloon holds guest RAM". */
export function pageSubtitle(markdown: string): string {
  const title = /^#\s+(.*)$/m.exec(markdown)?.[1] ?? '';
  const dash = title.indexOf(' — ');
  return dash >= 0 ? title.slice(dash + 3) : title;
}

export function causeLabel(cause: Cause): string {
  return CAUSE_INFO[cause].label;
}

/** A link from one cause page to another is shown as the command that prints it. */
export function terminalLinkTarget(href: string): string {
  const cause = /(?:^|\/)causes\/([a-z-]+)\.md$/.exec(href)?.[1] ?? /^(?:\.\/)?([a-z-]+)\.md$/.exec(href)?.[1];
  if (cause && isCause(cause)) return `guestram explain ${cause}`;
  if (/^https?:/.test(href)) return href;
  return `docs/${href.replace(/^(\.\.\/)+/, '').replace(/^\.\//, '').replace(/^docs\//, '')}`;
}
