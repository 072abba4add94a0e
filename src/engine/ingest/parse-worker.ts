// A parser worker: parses the files it is handed, one after another, and posts the outcomes
// back. It holds no database; the engine thread writes. The pool (parser-pool.ts) limits its
// memory and time and replaces it when a parser hangs or blows up.
import { parentPort } from 'node:worker_threads';
import { newByteSink } from '../search/normalise.ts';
import { lastRead, onto, parseFile, type ParseOutcome, type ParseRequest } from './parse-file.ts';
import { ReadAhead } from './read-ahead.ts';

export interface ParseJob {
  id: number;
  requests: ParseRequest[];
}

export interface ParseJobResult {
  id: number;
  outcomes: ParseOutcome[];
}

/** Posted once the parsers are loaded: the pool's time limits start from here, not from the spawn. */
export interface ParseWorkerReady {
  ready: true;
}

const port = parentPort;
if (!port) throw new Error('parse-worker must run in a worker thread');

// Fault injection for the tests of the pool's limits: with this variable set, a file named
// hang.csv loops forever and boom.csv allocates without end, as a broken parser would.
const faults = process.env.WIREBENCH_TEST_PARSER_FAULTS === '1';

function injectFault(file: string): void {
  if (file.endsWith('/hang.csv')) for (;;);
  if (file.endsWith('/boom.csv')) {
    const hoard: string[][] = [];
    for (;;) hoard.push(new Array<string>(1_000_000).fill(file));
  }
}

// Jobs arrive ahead of time (the pool prefetches) and are done strictly one after another,
// so the pool's time limit always applies to the job at the head.
const queue: ParseJob[] = [];
let working = false;

// The key streams and signatures of a job's articles are written here, then copied into one
// buffer that is handed over to the engine thread with the outcomes (transferred, not copied;
// see fts-indexer.ts, KeyText). The sink itself is kept from job to job.
const keys = newByteSink();

// The files of the jobs queued here are read ahead while the parser works, when they come from
// disk (read-ahead.ts). The tests of the pipeline turn it on from the first file.
const readAhead = new ReadAhead(process.env.WIREBENCH_TEST_READ_AHEAD === '1' ? { coldMicros: 0, sample: 1, span: 2 ** 30, window: 8, warmUp: 0 } : {});

async function work(): Promise<void> {
  if (working) return;
  working = true;
  while (queue.length > 0) {
    const job = queue.shift()!;
    const outcomes: ParseOutcome[] = [];
    keys.length = 0;
    for (const request of job.requests) {
      if (faults) injectFault(request.path);
      outcomes.push(await parseFile(request, keys));
      readAhead.took(lastRead.ms);
    }
    const bytes = keys.bytes.slice(0, keys.length);
    for (const outcome of outcomes) onto(outcome, bytes);
    // A sink grown for one very large file is not kept at that size.
    if (keys.bytes.length > 16 * 1024 * 1024) keys.bytes = new Uint8Array(1 << 16);
    port!.postMessage({ id: job.id, outcomes } satisfies ParseJobResult, [bytes.buffer]);
  }
  working = false;
}

port.on('message', (job: ParseJob) => {
  queue.push(job);
  readAhead.add(job.requests);
  void work();
});

port.postMessage({ ready: true } satisfies ParseWorkerReady);
