// "Every defence has a test that fails when the defence is removed": this removes each
// defence in turn (a text edit of the source), runs the tests that should catch it, and
// reports any that stay green. Not part of npm test (a few minutes); run it after changing
// the defences or merging: npm run check:defences [-- NAME-FILTER...]
// A defence whose code moved is reported as "pattern not found": update its line here.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** [defence, file, code that implements it, code without it, tests that must fail]. */
const MUTATIONS: [string, string, string, string, string[]][] = [
  ["webPreferences sandbox off", "src/main/security.ts", "  sandbox: true,", "  sandbox: false,", ["tests/unit/electron-security.test.ts"]],
  ["CSP unsafe-inline", "src/main/security.ts", "\"script-src 'self'\",", "\"script-src 'self' 'unsafe-inline'\",", ["tests/unit/electron-security.test.ts"]],
  ["app:// other hosts", "src/main/app-protocol.ts", "url.host !== APP_HOST || ", "", ["tests/unit/electron-security.test.ts"]],
  ["static: symlinks out", "src/server/static-files.ts", "if (!real.startsWith(root + path.sep) || !fs.statSync(real).isFile()) return null;", "if (!fs.statSync(real).isFile()) return null;", ["tests/unit/electron-security.test.ts", "tests/unit/server-security.test.ts"]],
  ["static: ../ (both checks: the path, then its real path)", "src/server/static-files.ts", "  if (!candidate.startsWith(root + path.sep)) return null;\n  let real: string;\n  try {\n    real = fs.realpathSync(candidate);\n    if (!real.startsWith(root + path.sep) || !fs.statSync(real).isFile()) return null;", "  let real: string;\n  try {\n    real = fs.realpathSync(candidate);\n    if (!fs.statSync(real).isFile()) return null;", ["tests/unit/electron-security.test.ts", "tests/unit/server-security.test.ts"]],
  ["will-navigate not cancelled", "src/main/index.ts", "      if (!decision.allow) e.preventDefault();\n", "", ["tests/unit/electron-wiring.test.ts"]],
  ["window.open allowed", "src/main/index.ts", "return { action: decision.action };", "return { action: 'allow' as const };", ["tests/unit/electron-wiring.test.ts"]],
  ["permissions granted", "src/main/security.ts", "return APP_PERMISSIONS.has(permission);", "return true;", ["tests/unit/electron-security.test.ts"]],
  ["permission handler not wired", "src/main/index.ts", "ses.setPermissionRequestHandler((contents, permission, callback, details) => callback(permissionDecision(permission, details.requestingUrl ?? contents.getURL())));", "", ["tests/unit/electron-wiring.test.ts"]],
  ["openExternal any URL", "src/main/security.ts", "return url !== null && (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';", "return url !== null;", ["tests/unit/electron-security.test.ts"]],
  ["openExternal unguarded", "src/main/index.ts", "if (url !== null && isSafeExternalUrl(url)) void shell.openExternal(url);", "if (url !== null) void shell.openExternal(url);", ["tests/unit/electron-wiring.test.ts"]],
  ["IPC sender not checked", "src/main/security.ts", "  if (!isTrustedSender(senderUrl, isMainFrame, devUrl)) return { ok: false, error: { code: 'forbidden'", "  if (false) return { ok: false, error: { code: 'forbidden'", ["tests/unit/electron-security.test.ts"]],
  ["IPC args not checked", "src/main/security.ts", "  if (!checked.ok) return { ok: false, error: { code: 'bad_request', message: checked.message } };\n  return { ok: true, method, args: checked.args };", "  return { ok: true, method, args: args as never };", ["tests/unit/electron-security.test.ts"]],
  ["IPC check bypassed in main", "src/main/index.ts", "    if (!checked.ok) return { ok: false, error: checked.error };\n", "", ["tests/unit/electron-wiring.test.ts"]],
  ["no enableSandbox", "src/main/index.ts", "app.enableSandbox();\n", "", ["tests/unit/electron-wiring.test.ts"]],
  ["raw ipcRenderer exposed", "src/preload/index.ts", "contextBridge.exposeInMainWorld('wirebench', {\n", "contextBridge.exposeInMainWorld('wirebench', {\n  ipcRenderer,\n", ["tests/unit/electron-wiring.test.ts"]],
  ["fuse runAsNode on", "electron-builder.yml", "  runAsNode: false", "  runAsNode: true", ["tests/unit/packaging.test.ts"]],
  ["fuse asar integrity off", "electron-builder.yml", "  enableEmbeddedAsarIntegrityValidation: true", "  enableEmbeddedAsarIntegrityValidation: false", ["tests/unit/packaging.test.ts"]],
  ["host allow-list off", "src/server/security.ts", "return typeof host === 'string' && allowedHosts(port).has(host.toLowerCase());", "return typeof host === 'string';", ["tests/unit/server-security.test.ts"]],
  ["origin check off", "src/server/server.ts", "    if (!sameOrigin(req, port)) return refuse(res, 403, { code: 'forbidden', message: 'Cross-origin requests are refused.' });\n    const type", "    const type", ["tests/unit/server-security.test.ts"]],
  ["event-stream origin off", "src/server/server.ts", "    if (!sameOrigin(req, port)) return refuse(res, 403, { code: 'forbidden', message: 'Cross-origin requests are refused.' });\n    res.writeHead(200", "    res.writeHead(200", ["tests/unit/server-security.test.ts"]],
  ["token check off", "src/server/server.ts", "    if (!authed) return refuse(", "    if (false) return refuse(", ["tests/unit/server-security.test.ts"]],
  ["token not constant time", "src/server/security.ts", "  return timingSafeEqual(a, b);", "  return candidate === token;", ["tests/unit/server-security.test.ts"]],
  ["JSON-only off", "src/server/server.ts", "if (type !== 'application/json') return refuse(", "if (false) return refuse(", ["tests/unit/server-security.test.ts"]],
  ["ACAO sent", "src/server/server.ts", "  res.setHeader('X-Content-Type-Options', 'nosniff');", "  res.setHeader('X-Content-Type-Options', 'nosniff');\n  res.setHeader('Access-Control-Allow-Origin', '*');", ["tests/unit/server-security.test.ts"]],
  ["nosniff off", "src/server/server.ts", "  res.setHeader('X-Content-Type-Options', 'nosniff');", "", ["tests/unit/server-security.test.ts"]],
  ["body size limit off", "src/server/server.ts", "        if (size > MAX_BODY_BYTES) {", "        if (false) {", ["tests/unit/server-security.test.ts"]],
  ["declared size limit off", "src/server/server.ts", "      if (declared > MAX_BODY_BYTES) {", "      if (false) {", ["tests/unit/server-security.test.ts"]],
  ["slow body timeout off", "src/server/server.ts", "      }, bodyTimeoutMs);", "      }, 1e9);", ["tests/unit/server-security.test.ts"]],
  ["listen on all interfaces", "src/server/server.ts", "server.listen(options.port ?? 0, '127.0.0.1',", "server.listen(options.port ?? 0, '::',", ["tests/unit/server-security.test.ts"]],
  ["no quick_check at open", "src/engine/integrity/open.ts", "health.lastCheck = health.uncleanShutdown ? fullCheck(ro, { fts: false }) : quickCheck(ro);", "health.lastCheck = { kind: 'quick', ok: true, problems: [], repaired: [], checkedAt: '', durationMs: 0 };", ["tests/unit/integrity.test.ts"]],
  ["no full check after crash", "src/engine/integrity/open.ts", "health.uncleanShutdown ? fullCheck(ro, { fts: false }) : quickCheck(ro)", "quickCheck(ro)", ["tests/unit/integrity.test.ts"]],
  ["no FTS check after crash", "src/engine/integrity/open.ts", "  if (health.uncleanShutdown) {\n    // The tables are sound", "  if (false) {\n    // The tables are sound", ["tests/unit/integrity.test.ts"]],
  ["FTS check without content", "src/engine/integrity/checks.ts", "VALUES ('integrity-check', 1)", "VALUES ('integrity-check', 0)", ["tests/unit/integrity.test.ts"]],
  ["set aside without -wal/-shm", "src/engine/integrity/open.ts", "for (const suffix of ['', '-wal', '-shm', '-journal']) {\n    if (fs.existsSync(main + suffix))", "for (const suffix of ['']) {\n    if (fs.existsSync(main + suffix))", ["tests/unit/integrity.test.ts"]],
  ["damaged not set aside", "src/engine/integrity/open.ts", "  if (health.lastCheck && !health.lastCheck.ok) return recover(health.lastCheck.problems);", "", ["tests/unit/integrity.test.ts"]],
  ["big corpus never checked", "src/engine/engine.ts", "    this.startSession();\n    this.startDeferredCheck();\n    if (options.autoBackup)", "    this.startSession();\n    if (options.autoBackup)", ["tests/unit/integrity.test.ts"]],
  ["damage found after opening ignored", "src/engine/engine.ts", "        if (report.ok) return this.healthChanged();", "        return this.healthChanged();", ["tests/unit/integrity.test.ts"]],
  ["no pre-migration backup", "src/engine/integrity/open.ts", "    if (version > 0) {\n      try {\n        backup = yield { db };", "    if (false) {\n      try {\n        backup = yield { db };", ["tests/unit/integrity.test.ts"]],
  ["backup not normalised/checked", "src/engine/integrity/backups.ts", "  const problems = normalise(partial);", "  const problems: string[] = [];", ["tests/unit/integrity.test.ts"]],
  ["no pruning", "src/engine/integrity/backups.ts", "  for (const old of automatic.slice(Math.max(keep, 1))) {", "  for (const old of automatic.slice(1e9)) {", ["tests/unit/integrity.test.ts"]],
  ["no daily backup", "src/engine/engine.ts", "      if (this.session.store.total() === 0) return;\n      try {", "      return;\n      try {", ["tests/unit/integrity.test.ts"]],
  ["daily backup too often", "src/engine/engine.ts", "      if (newest && Date.now() - Date.parse(newest.createdAt) < maxAge) return;", "", ["tests/unit/integrity.test.ts"]],
  ["failed migration crashes", "src/engine/integrity/open.ts", "      const what = error instanceof MigrationError ? error.message : describe(error);", "      throw error;\n      const what = error instanceof MigrationError ? error.message : describe(error);", ["tests/unit/integrity.test.ts"]],
  ["newer DB opened", "src/engine/integrity/open.ts", "  if (version > latest) {\n    return unavailable", "  if (false) {\n    return unavailable", ["tests/unit/integrity.test.ts"]],
  ["restore ignores other sessions", "src/engine/engine.ts", "    if (others.length) throw new WbFailure('busy'", "    if (false) throw new WbFailure('busy'", ["tests/unit/integrity.test.ts"]],
  ["restore keeps nothing", "src/engine/engine.ts", "          savedAs = await createBackup(current.db, this.dataDir, 'pre-restore');", "          savedAs = null;", ["tests/unit/integrity.test.ts"]],
  ["restore takes paths", "src/engine/schemas.ts", "v.regex(/^corpus-[0-9TZ]+-[a-z-]+\\.sqlite$/, 'a backup name from backup.list')", "v.minLength(1)", ["tests/unit/integrity.test.ts"]],
  ["disk-full miscount (counts of a batch that rolled back kept)", "src/engine/ingest/importer.ts", "        Object.assign(progress, before.progress);\n", "", ["tests/unit/disk-full.test.ts"]],
  ["worker starts every queued call at once (import starved; timing-dependent)", "src/engine/host/engine-worker.ts", "    calls.push(message);\n    if (!pumping) {\n      pumping = true;\n      setImmediate(pump);\n    }", "    void engine.call(message.method, message.args).then((envelope) => post({ type: 'result', id: message.id, envelope }));", ["tests/unit/load.test.ts"]],
  ["exports keep control characters and lone surrogates", "src/engine/briefings/model.ts", "export function cleanBriefing(b: Briefing): Briefing {\n", "export function cleanBriefing(b: Briefing): Briefing {\n  if (b.title !== '\\u0000') return b;\n", ["tests/unit/fuzz-exporters.test.ts"]],
  ["Markdown leaves & unescaped", "src/engine/briefings/markdown.ts", "[\\\\`*_[\\]<>#|&~!]", "[\\\\`*_[\\]<>#|~!]", ["tests/unit/fuzz-exporters.test.ts"]],
  ["NUL reaches FTS5", "src/engine/search/fts-compile.ts", "text.replaceAll('\\u0000', '')", "text", ["tests/unit/fuzz-query.test.ts"]],
  ["indexes a killed import set aside stay missing", "src/engine/engine.ts", "        const built = restoreDeferredIndexes(db);", "        const built: string[] = [];", ["tests/unit/deferred-indexes.test.ts"]],
  ["a big import never builds its indexes again", "src/engine/ingest/importer.ts", "          restoreDeferredIndexes(db);\n", "", ["tests/unit/deferred-indexes.test.ts"]],
  ["moved files imported as new", "src/engine/ingest/importer.ts", "const moved = !known && stored === 0 ? movedFrom(parsed) : undefined;", "const moved = undefined as FileRow | undefined;", ["tests/unit/import-pipeline.test.ts", "tests/unit/deferred-indexes.test.ts"]],
  ["duplicates stored twice while the hash index is aside", "src/engine/store/articles.ts", "    if (this.directory && this.inDirectory(hash) !== null) return null;\n", "", ["tests/unit/deferred-indexes.test.ts"]],
  ["a hash that shares its first bits taken for the same text", "src/engine/store/articles.ts", "(id) => this.hashOf.get(id) === hash", "() => true", ["tests/unit/deferred-indexes.test.ts", "tests/unit/hash-directory.test.ts"]],
  ["a table rebuild with foreign keys on (its quotes deleted)", "src/engine/db/migrations/0033-articles-hash-index.ts", "export const foreignKeysOff = true;", "export const foreignKeysOff = false;", ["tests/unit/migrations.test.ts"]],
  ["paths given inside one another taken as never imported", "src/engine/ingest/importer.ts", "    if (roots.some((other, j) => j !== i && (within(other, root) || within(root, other)))) return;\n", "", ["tests/unit/importer.test.ts"]],
  ["names shown alike (not valid UTF-8) taken as never imported", "src/engine/ingest/importer.ts", "return (p) => !p.includes('\\uFFFD') && ", "return (p) => ", ["tests/unit/importer.test.ts"]],
  ["the ASCII content hash without room to spare", "src/engine/store/articles.ts", "if (length + 4 > asciiScratch.length) asciiScratch = Buffer.allocUnsafe(Math.max(length + 4,", "if (length > asciiScratch.length) asciiScratch = Buffer.allocUnsafe(Math.max(length,", ["tests/unit/parse-equivalence.test.ts"]],
  ["the background merge running while an import writes", "src/engine/search/module.ts", "busy: () => rebuilding !== null || ctx.store.bulkWriting", "busy: () => rebuilding !== null", ["tests/unit/search-upkeep.test.ts"]],
];

const filters = process.argv.slice(2);
let uncaught = 0;
for (const [name, file, present, removed, tests] of MUTATIONS) {
  if (filters.length && !filters.some((f) => name.includes(f))) continue;
  const full = path.join(REPO, file);
  const original = fs.readFileSync(full, 'utf8');
  if (!original.includes(present)) {
    uncaught++;
    process.stdout.write(`pattern not found  ${name} (${file})\n`);
    continue;
  }
  fs.writeFileSync(full, original.replace(present, removed));
  try {
    const run = spawnSync(process.execPath, [path.join(REPO, 'node_modules/vitest/vitest.mjs'), 'run', ...tests], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const caught = run.status !== 0;
    if (!caught) uncaught++;
    process.stdout.write(`${caught ? 'caught            ' : 'NOT CAUGHT        '} ${name}\n`);
  } finally {
    fs.writeFileSync(full, original);
  }
}
process.stdout.write(uncaught ? `${uncaught} defence(s) not caught or not found\n` : 'every defence removed was caught by a test\n');
process.exitCode = uncaught ? 1 : 0;
