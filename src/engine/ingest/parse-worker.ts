// A parser worker: parses the files it is handed, one after another, and posts the outcomes
// back. It holds no database; the engine thread writes. The pool (parser-pool.ts) limits its
// memory and time and replaces it when a parser hangs or blows up.
import { parentPort } from 'node:worker_threads';
import { parseFile, type ParseOutcome, type ParseRequest } from './parse-file.ts';

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

async function work(): Promise<void> {
  if (working) return;
  working = true;
  while (queue.length > 0) {
    const job = queue.shift()!;
    const outcomes: ParseOutcome[] = [];
    for (const request of job.requests) {
      if (faults) injectFault(request.path);
      outcomes.push(await parseFile(request));
    }
    port!.postMessage({ id: job.id, outcomes } satisfies ParseJobResult);
  }
  working = false;
}

port.on('message', (job: ParseJob) => {
  queue.push(job);
  void work();
});

port.postMessage({ ready: true } satisfies ParseWorkerReady);
