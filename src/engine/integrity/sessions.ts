// Telling a crash from a clean exit. Each process that opens the corpus leaves a marker file
// in <data>/open-sessions/ and removes it when it closes the corpus cleanly; a marker whose
// process is gone means that session ended without closing (a crash, a kill, a power cut),
// so the next open runs the full integrity check. One marker per opener, not one per folder,
// because the desktop app, the CLI and the web mode may have the corpus open at once.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const SESSIONS_DIR = 'open-sessions';

export interface SessionMarker {
  file: string;
  pid: number;
  startedAt: string;
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readMarkers(dataDir: string): SessionMarker[] {
  const dir = path.join(dataDir, SESSIONS_DIR);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const markers: SessionMarker[] = [];
  for (const name of names) {
    if (!name.endsWith('.json')) continue;
    const file = path.join(dir, name);
    let pid = Number.parseInt(name, 10);
    let startedAt = '';
    try {
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid?: unknown; startedAt?: unknown };
      if (typeof parsed.pid === 'number') pid = parsed.pid;
      if (typeof parsed.startedAt === 'string') startedAt = parsed.startedAt;
    } catch {
      // a marker cut short by the crash it records still counts, by its name
    }
    if (Number.isInteger(pid) && pid > 0) markers.push({ file, pid, startedAt });
  }
  return markers;
}

/** Markers left by processes that are gone: sessions that never closed the corpus. */
export function staleMarkers(dataDir: string): SessionMarker[] {
  return readMarkers(dataDir).filter((m) => !isAlive(m.pid));
}

/** Other live processes with the corpus open (a restore must wait for them). */
export function otherLiveSessions(dataDir: string): SessionMarker[] {
  return readMarkers(dataDir).filter((m) => m.pid !== process.pid && isAlive(m.pid));
}

export function writeMarker(dataDir: string): SessionMarker {
  const dir = path.join(dataDir, SESSIONS_DIR);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const startedAt = new Date().toISOString();
  const file = path.join(dir, `${process.pid}-${randomBytes(4).toString('hex')}.json`);
  fs.writeFileSync(file, JSON.stringify({ pid: process.pid, startedAt }), { mode: 0o600 });
  return { file, pid: process.pid, startedAt };
}

export function removeMarkers(markers: readonly SessionMarker[]): void {
  for (const m of markers) fs.rmSync(m.file, { force: true });
}
