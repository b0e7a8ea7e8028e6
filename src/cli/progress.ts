import { formatBytes, MiB } from '../model/bytes.js';
import { cleanText } from '../report/sanitize.js';

const EVERY_MS = 100;
/** Smaller inputs are read before a progress line would be worth looking at. */
export const PROGRESS_MIN_BYTES = 50 * MiB;

/**
 * One self-overwriting stderr line while a large input is read: "reading 3/7 snapshot.rmp 412 MB / 809 MB
 * (50 %) 930 MB/s". Inputs under PROGRESS_MIN_BYTES draw nothing, so a typical bundle stays quiet.
 */
export function progressLine(stream: NodeJS.WriteStream, minBytes = PROGRESS_MIN_BYTES) {
  let file = { path: '', index: 0, total: 0 };
  let lastDrawn = 0;
  let pass = { started: 0, lastRead: 0 };
  let drawn = false;
  const draw = (read: number, size: number, now: number) => {
    const seconds = (now - pass.started) / 1000;
    const rate = seconds > 0 ? ` ${Math.round(read / MiB / seconds)} MB/s` : '';
    const counts = ` ${formatBytes(read)} / ${formatBytes(size)} (${Math.floor((read / size) * 100)} %)${rate}`;
    const prefix = `reading ${file.index + 1}/${file.total} `;
    const room = Math.max(10, (stream.columns || 80) - 1 - prefix.length - counts.length);
    const name = cleanText(file.path);
    stream.write(`\r${prefix}${name.length > room ? `…${name.slice(name.length - room + 1)}` : name}${counts}\u001b[K`);
    drawn = true;
  };
  return {
    onFile(path: string, index: number, total: number): void {
      file = { path, index, total };
      lastDrawn = pass.started = Date.now();
      pass.lastRead = 0;
    },
    onProgress(_path: string, bytesRead: number, totalBytes: number): void {
      if (totalBytes < minBytes) return;
      const now = Date.now();
      // A parser that reads the file again starts a new pass: its speed is measured afresh.
      if (bytesRead < pass.lastRead) pass = { started: now, lastRead: 0 };
      pass.lastRead = bytesRead;
      if (now - lastDrawn < EVERY_MS) return;
      lastDrawn = now;
      draw(bytesRead, totalBytes, now);
    },
    clear(): void {
      if (drawn) stream.write('\r\u001b[K');
      drawn = false;
    },
  };
}
