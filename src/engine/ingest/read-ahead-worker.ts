// A read-ahead thread of a parser worker (read-ahead.ts): reads the files it is handed, in order,
// only to bring them into the OS's cache, one at a time (it mostly waits on the disk). Files the
// parser has passed already (the shared counter) are skipped; every error is left for the
// parser to meet and report when it reads the file itself.
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

export interface ReadAheadInit {
  /**
   * Two Int32s: [0] how many of the files handed out the parser has taken; [1] the number of the
   * next file this thread looks at (how far it got, so that no more is handed to it while it is
   * stuck on a file).
   */
  progress: SharedArrayBuffer;
}

/** Files numbered from `from` (the parser's order). */
export interface ReadAheadFiles {
  from: number;
  files: Array<string | Uint8Array>;
}

const port = parentPort;
if (!port) throw new Error('read-ahead-worker must run in a worker thread');
const { progress } = workerData as ReadAheadInit;
const taken = new Int32Array(progress);
const scratch = Buffer.allocUnsafe(16 * 1024);
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

port.on('message', ({ from, files }: ReadAheadFiles) => {
  for (let i = 0; i < files.length; i++) {
    const number = from + i;
    Atomics.store(taken, 1, number);
    if (number < Atomics.load(taken, 0)) continue;
    const file = files[i]!;
    try {
      const fd = fs.openSync(typeof file === 'string' ? file : Buffer.from(file), OPEN_FLAGS);
      try {
        fs.readSync(fd, scratch, 0, scratch.length, 0);
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      // the parser's own read reports it
    }
  }
  Atomics.store(taken, 1, from + files.length);
});
