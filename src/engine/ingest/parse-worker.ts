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

const port = parentPort;
if (!port) throw new Error('parse-worker must run in a worker thread');

port.on('message', async (job: ParseJob) => {
  const outcomes: ParseOutcome[] = [];
  for (const request of job.requests) outcomes.push(await parseFile(request));
  port.postMessage({ id: job.id, outcomes } satisfies ParseJobResult);
});
