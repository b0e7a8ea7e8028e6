import { render } from 'ink';
import type { Report } from '../types.js';
import { App } from './App.js';

export interface InteractiveOptions {
  color: boolean;
  /** Stores the Markdown checklist and returns where it went. */
  exportChecklist?: (markdown: string) => Promise<string>;
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
}

// The report gets the alternate screen, so quitting gives the shell back exactly as it was.
const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h';
const LEAVE_ALTERNATE_SCREEN = '\u001b[?1049l';

/** Shows the report until the user quits. The only place the Ink UI is started. */
export async function runInteractiveReport(report: Report, options: InteractiveOptions): Promise<void> {
  const stdout = options.stdout ?? process.stdout;
  let inAlternateScreen = true;
  const leave = () => {
    if (inAlternateScreen) stdout.write(LEAVE_ALTERNATE_SCREEN);
    inAlternateScreen = false;
  };
  process.once('exit', leave);
  stdout.write(ENTER_ALTERNATE_SCREEN);
  try {
    const instance = render(<App report={report} color={options.color} {...(options.exportChecklist && { exportChecklist: options.exportChecklist })} />, {
      stdout,
      stdin: options.stdin ?? process.stdin,
      exitOnCtrlC: true,
    });
    await instance.waitUntilExit();
  } finally {
    leave();
    process.off('exit', leave);
  }
}
