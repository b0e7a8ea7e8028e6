import type { Fact } from '../model/facts.js';
import type { Input } from './input.js';
import type { MessageCode, MessageSeverity } from './messages.js';

/** Every format guestram reads, one parser each. */
export type FormatId =
  | 'rammap-rmp'
  | 'rammap-table'
  | 'getprocess-csv'
  | 'getprocess-table'
  | 'getprocess-measure'
  | 'getprocess-sum'
  | 'pdh-csv'
  | 'systeminfo-list'
  | 'systeminfo-csv'
  | 'cim-json'
  | 'pnpdevice-csv'
  | 'driverquery-csv'
  | 'hyperv-vm-json'
  | 'proxmox-qm-config'
  | 'qemu-info-balloon'
  | 'virsh-dommemstat'
  | 'vbox-showvminfo'
  | 'vbox-metrics'
  | 'vmware-vmx'
  | 'vmware-toolbox-balloon';

/** What a parser writes into while it reads: facts, and messages about what it could not use. */
export interface ParseSink {
  fact(fact: Fact): void;
  message(code: MessageCode, severity: MessageSeverity, text: string, line?: number): void;
}

/** What the user asked for that changes how much a parser reads. */
export interface ParseOptions {
  /** `analyze --deep`: also decode payloads the report does not need, to cross-check them (RAMMap's PfnDatabase). */
  deep?: boolean;
}

export interface Parser {
  format: FormatId;
  /** Human name of the export, e.g. "Get-Process | Export-Csv". */
  title: string;
  /**
   * How sure the parser is that the decoded head of a file is its format: 0 = not mine, 1 = certain.
   * Pure and fast: it sees at most the first 64 KiB.
   */
  sniff(head: string): number;
  /** Streams the whole input; never throws for bad content (problems go to sink.message). */
  parse(input: Input, sink: ParseSink, options?: ParseOptions): Promise<void>;
}
