// Starts the real `wirebench serve` on a fresh data folder, the way a user would, and hands
// back the one-time URL it prints. The server runs on the same Node as the tests.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const FIXTURES = path.join(REPO_ROOT, 'tests/fixtures/articles');
export const QUOTE_FIXTURES = path.join(REPO_ROOT, 'tests/fixtures/quotes');
export const SCREENSHOTS = path.join(REPO_ROOT, 'test-results/screenshots');

const LISTENING = /^Listening at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)\s*$/;
const START_TIMEOUT_MS = 30_000;

export interface RunningServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

export function makeDataDir(label = 'e2e'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `wirebench-${label}-`));
}

export function removeDataDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

export async function startServer(dataDir: string): Promise<RunningServer> {
  if (!fs.existsSync(path.join(REPO_ROOT, 'out/renderer/index.html'))) {
    throw new Error('out/renderer is missing: run `npx electron-vite build` (npm test does) before the end-to-end tests.');
  }
  const child = spawn(process.execPath, ['src/cli/main.ts', 'serve', '--data-dir', dataDir, '--port', '0'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  const url = await waitForUrl(child);
  return {
    url,
    dataDir,
    stop: () => stopChild(child),
  };
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const fail = (why: string): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`wirebench serve did not start: ${why}\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    };
    const timer = setTimeout(() => fail(`no "Listening at" line within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      for (const line of stdout.split(/\r?\n/)) {
        const match = LISTENING.exec(line);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
          return;
        }
      }
    });
    child.once('exit', (code, signal) => fail(`it exited (code ${code}, signal ${signal})`));
    child.once('error', (error) => fail(error.message));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
