import { formatBytes } from '../model/bytes.js';
import { cleanText } from '../report/sanitize.js';

const EVERY_MS = 100;

/** One self-overwriting stderr line while inputs are read: "reading 3/7 snapshot.rmp 1.2 GB / 2.7 GB (44 %)". */
export function progressLine(stream: NodeJS.WriteStream) {
  let file = { path: '', index: 0, total: 0 };
  let lastDrawn = 0;
  const draw = (read: number, size: number) => {
    const counts = size > 0 ? ` ${formatBytes(read)} / ${formatBytes(size)} (${Math.floor((read / size) * 100)} %)` : '';
    const prefix = `reading ${file.index + 1}/${file.total} `;
    const room = Math.max(10, (stream.columns || 80) - 1 - prefix.length - counts.length);
    const name = cleanText(file.path);
    stream.write(`\r${prefix}${name.length > room ? `…${name.slice(name.length - room + 1)}` : name}${counts}\u001b[K`);
  };
  return {
    onFile(path: string, index: number, total: number): void {
      file = { path, index, total };
      lastDrawn = Date.now();
      draw(0, 0);
    },
    onProgress(_path: string, bytesRead: number, totalBytes: number): void {
      const now = Date.now();
      if (now - lastDrawn < EVERY_MS) return;
      lastDrawn = now;
      draw(bytesRead, totalBytes);
    },
    clear(): void {
      stream.write('\r\u001b[K');
    },
  };
}
