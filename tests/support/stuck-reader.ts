// A read-ahead thread that never gets anywhere, as one stuck on a hung network mount would
// (read-ahead.test.ts): it takes messages and reads nothing.
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', () => {});
