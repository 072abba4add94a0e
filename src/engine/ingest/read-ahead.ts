// Reading ahead of the parser when the files are not in the OS's cache. The parser worker reads
// each file synchronously, then parses it: with the files cached a read takes ~4 µs, but a file
// read from disk took ~70 µs here (the inode, then the data, one request after the other),
// about as long as parsing it, so an import of a folder not read lately ran at half speed with
// the parser waiting on the disk. Reading ahead hands the next files to a thread of its own
// (read-ahead-worker.ts) that reads them while the parser works; its own read then finds them
// cached. Measured on 100,000 wire files none of which was cached: 4,959 articles/s without,
// 6,856 with one reading thread, 7,750 with two (but each thread is ~28 MB more memory, and a
// million-file import must stay under 500 MB). Plain blocking reads in a thread of its own, not
// the thread pool's asynchronous ones: three of those per file (open, read, close) took the
// CPU time per article from ~245 to ~290 µs, where the thread took it down to ~225.
//
// It runs only while the parser's reads are slow, and the thread starts the first time it is
// needed: a cached folder pays a clock read per file. Every 16,384 files it stops, and the
// parser's next 64 reads, of files not read ahead, tell again whether it is needed: it starts
// again when 8 of them took over 25 µs. Not an average of their times: a read's time is wall
// time, and on 2 busy cores the parser is now and then put aside for a few ms in the middle of
// one, which put the averages of wholly cached folders at 40-140 µs. The threshold is low on
// purpose: reading a cached file ahead costs ~5 µs, leaving a file from disk to the parser ~70.
// With the first 30% of a million files out of the cache, reading ahead from an average of
// 15 µs on (all the time, in effect) gave 9,052 and 9,106 articles/s, where a quarter of slow
// reads and a re-check every 4,096 files gave 8,694, and none 7,910 and 7,786 (9,199 as it is).
//
// The cache matters on this machine: its VM gives back file pages unused for a minute or so,
// so a folder written or read more than a minute ago is partly read from disk again.
import { Worker } from 'node:worker_threads';
import { entryUrl } from '../host/entry-url.ts';
import type { ReadAheadFiles, ReadAheadInit } from './read-ahead-worker.ts';

export interface ReadAheadOptions {
  /** How far ahead of the parser it hands out files. */
  window?: number;
  /** A parser's read slower than this (µs) came from disk (cached: ~4; from disk here: ~70). */
  coldMicros?: number;
  /** Reads sampled to tell; reading ahead starts when an eighth of them came from disk. */
  sample?: number;
  /** Files read ahead before it stops and the parser's reads tell again. */
  span?: number;
  /** Files whose reads are not sampled at first (default: two samples). */
  warmUp?: number;
  /** Where the reading thread's code is (default: next to this module, see entryUrl). */
  url?: URL;
}

export class ReadAhead {
  /** The files handed to the parser, in the order it reads them; [parsed] is the next one. */
  private files: Array<string | Uint8Array> = [];
  private parsed = 0;
  /** Files forgotten from the front of `files`: file i there is number `dropped + i`. */
  private dropped = 0;
  /** The next file to hand out. */
  private next = 0;
  /** Files the parser takes before reading ahead stops (0: not reading ahead). */
  private coldLeft = 0;
  /**
   * Files from here on were not read ahead: the parser's reads of them are what is measured. Not
   * the first two samples' worth: a new parser's first reads run before its code is compiled
   * (10-160 µs for cached files).
   */
  private sampleFrom: number;
  private sampleSlow = 0;
  private sampleFiles = 0;
  private reader: Worker | null = null;
  /** Set when the thread could not start or died: reading ahead is only a speed-up, it stays off. */
  private broken = false;
  /** Shared with the thread: the parser's progress, and the thread's own (read-ahead-worker.ts). */
  private readonly progress = new SharedArrayBuffer(8);
  private readonly taken = new Int32Array(this.progress);
  private readonly window: number;
  private readonly coldMs: number;
  private readonly sample: number;
  private readonly span: number;
  private readonly url: URL | undefined;
  /** Files handed out to be read ahead so far (for tests and measurements). */
  handedOut = 0;

  constructor(options: ReadAheadOptions = {}) {
    this.window = options.window ?? 256;
    this.coldMs = (options.coldMicros ?? 25) / 1000;
    this.sample = options.sample ?? 64;
    this.span = options.span ?? 16384;
    this.sampleFrom = options.warmUp ?? 2 * this.sample;
    this.url = options.url;
  }

  /** Whether it reads ahead now. */
  get active(): boolean {
    return this.coldLeft > 0;
  }

  /** Files handed to the parser, after those it has already (`raw`: the path as bytes, when not UTF-8). */
  add(files: ReadonlyArray<{ path: string; raw?: Uint8Array }>): void {
    for (const file of files) this.files.push(file.raw ?? file.path);
    this.handOut();
  }

  /**
   * The parser is done with its next file, whose read took `readMs` (0: it read nothing, a name
   * it does not take). Forgets the files behind it, and reads ahead if needed.
   */
  took(readMs: number): void {
    const index = this.parsed++;
    Atomics.store(this.taken, 0, this.dropped + this.parsed);
    if (this.coldLeft > 0) {
      if (--this.coldLeft === 0) this.restartSample(this.next);
    } else if (readMs > 0 && index >= this.sampleFrom) {
      if (readMs > this.coldMs) this.sampleSlow++;
      if (++this.sampleFiles >= this.sample) {
        const cold = this.sampleSlow * 8 >= this.sampleFiles && !this.broken;
        this.restartSample(this.parsed);
        if (cold) this.coldLeft = this.span;
      }
    }
    if (this.next < this.parsed) this.next = this.parsed;
    if (this.parsed >= 4096) {
      this.files = this.files.slice(this.parsed);
      this.dropped += this.parsed;
      this.next -= this.parsed;
      this.sampleFrom = Math.max(0, this.sampleFrom - this.parsed);
      this.parsed = 0;
    }
    this.handOut();
  }

  /** Stops the reading thread. */
  async close(): Promise<void> {
    const reader = this.reader;
    this.reader = null;
    await reader?.terminate();
  }

  private restartSample(from: number): void {
    this.sampleFrom = from;
    this.sampleSlow = 0;
    this.sampleFiles = 0;
  }

  /** Hands the files up to `window` ahead of the parser to the thread, a few dozen at a time. */
  private handOut(): void {
    if (this.coldLeft === 0) return;
    const end = Math.min(this.files.length, this.parsed + this.window);
    if (end <= this.next || (end - this.next < Math.min(32, Math.ceil(this.window / 4)) && end < this.files.length)) return;
    // A thread stuck on a file (a hung network mount) is handed nothing more, so its queue of
    // messages stays small; the parser reads as before.
    if (this.reader && this.dropped + this.next - Atomics.load(this.taken, 1) > 8 * this.window) return;
    const reader = this.start();
    if (!reader) return;
    reader.postMessage({ from: this.dropped + this.next, files: this.files.slice(this.next, end) } satisfies ReadAheadFiles);
    this.handedOut += end - this.next;
    this.next = end;
  }

  private start(): Worker | null {
    if (this.reader || this.broken) return this.reader;
    // The thread starts where the first files it is handed start.
    Atomics.store(this.taken, 1, this.dropped + this.next);
    try {
      const reader = new Worker(this.url ?? entryUrl('read-ahead-worker', import.meta.url), {
        workerData: { progress: this.progress } satisfies ReadAheadInit,
        resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 },
        stdout: false,
        stderr: false,
      });
      reader.unref();
      // A thread that dies takes reading ahead with it; the parser reads as before.
      reader.on('error', () => this.fail());
      this.reader = reader;
    } catch {
      this.fail();
    }
    return this.reader;
  }

  private fail(): void {
    this.broken = true;
    this.coldLeft = 0;
    void this.close();
  }
}
