import { EventEmitter } from 'node:events';
import { render } from 'ink';
import { App, type AppProps } from '../../../src/report/ink/App.js';

/** A terminal of a fixed size that keeps every frame Ink writes. */
class FakeStdout extends EventEmitter {
  readonly isTTY = true;
  frames: string[] = [];
  constructor(public columns: number, public rows: number) {
    super();
  }
  write = (frame: string): boolean => {
    this.frames.push(frame);
    return true;
  };
}

class FakeStdin extends EventEmitter {
  readonly isTTY = true;
  private pending: string | null = null;
  send(data: string): void {
    this.pending = data;
    this.emit('readable');
  }
  read = (): string | null => {
    const data = this.pending;
    this.pending = null;
    return data;
  };
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

export const KEY = {
  up: '\u001b[A',
  down: '\u001b[B',
  right: '\u001b[C',
  left: '\u001b[D',
  pageDown: '\u001b[6~',
  pageUp: '\u001b[5~',
  enter: '\r',
  escape: '\u001b',
  tab: '\t',
  backspace: '\u007f',
} as const;

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Renders the App into a fake terminal; `press` sends keys one at a time and lets Ink redraw after each. */
export function renderApp(props: Partial<AppProps> & Pick<AppProps, 'report'>, size = { columns: 80, rows: 24 }) {
  const stdout = new FakeStdout(size.columns, size.rows);
  const stdin = new FakeStdin();
  const instance = render(<App color={false} {...props} />, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    stderr: new FakeStdout(size.columns, size.rows) as unknown as NodeJS.WriteStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  let exited = false;
  void instance.waitUntilExit().then(() => {
    exited = true;
  });
  return {
    /** The last frame, each row without trailing spaces. */
    frame: (): string => (stdout.frames.at(-1) ?? '').split('\n').map((row) => row.trimEnd()).join('\n'),
    rawFrame: (): string => stdout.frames.at(-1) ?? '',
    async press(...keys: string[]): Promise<void> {
      for (const key of keys) {
        stdin.send(key);
        // A lone ESC is held back one turn by Ink's parser (it could start a sequence), so wait twice.
        await tick();
        await tick();
      }
    },
    async resize(columns: number, rows: number): Promise<void> {
      stdout.columns = columns;
      stdout.rows = rows;
      stdout.emit('resize');
      await tick();
    },
    exited: (): boolean => exited,
    settle: tick,
    unmount: () => instance.unmount(),
  };
}
