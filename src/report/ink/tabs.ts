export const TABS = [
  { id: 'overview', title: 'Overview', short: 'Over' },
  { id: 'reconcile', title: 'Reconcile', short: 'Recon' },
  { id: 'findings', title: 'Findings', short: 'Find' },
  { id: 'processes', title: 'Processes', short: 'Procs' },
  { id: 'checklist', title: 'Checklist', short: 'Check' },
  { id: 'inputs', title: 'Inputs', short: 'Inputs' },
] as const;

export type TabId = (typeof TABS)[number]['id'];

export const tabIndex = (id: TabId): number => TABS.findIndex((t) => t.id === id);
export const tabTitle = (id: TabId): string => TABS[tabIndex(id)]!.title;
