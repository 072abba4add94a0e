// Runs @doyensec/electronegativity over src/ and fails on any finding that is not justified
// in security/electronegativity-justified.json. A justification names the rule, the file and
// a piece of the flagged line (so it survives lines moving, not the code changing), why the
// finding is not a problem, and the test that proves it. Part of `npm test`.
//
// Nothing here touches the network: AvailableSecurityFixesGlobalCheck (which downloads
// Electron's release list, and crashes without a connection) is switched off; the Electron
// version is the installed one; and the tool's messages are loaded from its own folder
// instead of its start-up download of translations.
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SARIF = path.join(REPO, 'test-results/electronegativity.sarif');
const JUSTIFIED = path.join(REPO, 'security/electronegativity-justified.json');

interface Justification {
  rule: string;
  /** Relative to src/; empty for findings about the whole app (global checks). */
  file: string;
  /** A piece of the flagged source line; empty for global checks. */
  line: string;
  why: string;
  test: string;
}

interface SarifResult {
  ruleId: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine?: number } } }[];
}

export interface Finding {
  rule: string;
  file: string;
  line: number;
  source: string;
  message: string;
}

export function findingsFromSarif(sarifText: string, srcDir: string): Finding[] {
  const sarif = JSON.parse(sarifText) as { runs: { results: SarifResult[] }[] };
  return sarif.runs.flatMap((run) =>
    run.results.map((r) => {
      const location = r.locations[0]?.physicalLocation;
      const uri = location?.artifactLocation.uri ?? '';
      const file = uri.startsWith('file://') ? '' : uri;
      const line = location?.region?.startLine ?? 0;
      let source = '';
      if (file) {
        const lines = fs.readFileSync(path.join(srcDir, file), 'utf8').split('\n');
        source = lines[line - 1] ?? '';
      }
      return { rule: r.ruleId, file, line, source, message: r.message.text };
    }),
  );
}

export function unjustified(findings: Finding[], justified: Justification[]): { open: Finding[]; stale: Justification[] } {
  const used = new Set<Justification>();
  const open = findings.filter((f) => {
    const j = justified.find((x) => x.rule === f.rule && x.file === f.file && (x.line === '' ? f.source === '' : f.source.includes(x.line)));
    if (j) used.add(j);
    return !j;
  });
  return { open, stale: justified.filter((j) => !used.has(j)) };
}

async function run(): Promise<number> {
  // What the tool's own i18n module does, minus the download: its bundled messages in a
  // global `__`. Put in the module cache before the runner requires it.
  const toolDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const i18n = createRequire(path.join(toolDir, 'package.json'))('i18n') as { configure(o: object): void; setLocale(l: string): void };
  const localI18n = async (): Promise<void> => {
    i18n.configure({ locales: ['en-US'], defaultLocale: 'en-US', directory: path.join(toolDir, 'dist/locales'), updateFiles: false, objectNotation: true, retryInDefaultLocale: true, register: globalThis });
    i18n.setLocale('en-US');
  };
  const i18nFile = require.resolve('@doyensec/electronegativity/dist/locales/i18n.js');
  const cached = new Module(i18nFile);
  cached.filename = i18nFile;
  cached.loaded = true;
  cached.exports = localI18n;
  require.cache[i18nFile] = cached;
  const runner = require('@doyensec/electronegativity/dist/runner.js') as (options: object, forCli: boolean) => Promise<unknown>;
  const electronVersion = (require('electron/package.json') as { version: string }).version;
  fs.mkdirSync(path.dirname(SARIF), { recursive: true });
  fs.rmSync(SARIF, { force: true });
  const srcDir = path.join(REPO, 'src');
  const log = console.log;
  console.log = () => {}; // the runner prints a results table; the verdict below is what matters
  try {
    await runner(
      {
        input: srcDir,
        output: SARIF,
        isSarif: true,
        customScan: [],
        excludeFromScan: ['availablesecurityfixesglobalcheck'],
        severitySet: undefined,
        confidenceSet: undefined,
        isRelative: true,
        isVerbose: false,
        electronUpgrade: undefined,
        electronVersionOverride: electronVersion,
        parserPlugins: [],
      },
      false,
    );
  } finally {
    console.log = log;
  }
  // The runner hands the SARIF file to fs.writeFile and returns without waiting for it.
  let sarifText = '';
  for (const deadline = Date.now() + 15_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
    try {
      sarifText = fs.readFileSync(SARIF, 'utf8');
      JSON.parse(sarifText);
      break;
    } catch {
      sarifText = '';
    }
  }
  if (!sarifText) {
    process.stderr.write('electronegativity: no SARIF output was written\n');
    return 1;
  }
  const findings = findingsFromSarif(sarifText, srcDir);
  const justified = (JSON.parse(fs.readFileSync(JUSTIFIED, 'utf8')) as { findings: Justification[] }).findings;
  const { open, stale } = unjustified(findings, justified);
  for (const s of stale) process.stderr.write(`electronegativity: note: justification no longer needed: ${s.rule} ${s.file} "${s.line}"\n`);
  if (open.length) {
    process.stderr.write(`electronegativity: ${open.length} finding(s) not justified in security/electronegativity-justified.json:\n`);
    for (const f of open) process.stderr.write(`  ${f.rule} ${f.file || '(app)'}:${f.line} ${f.message}\n    ${f.source.trim()}\n`);
    return 1;
  }
  process.stdout.write(`electronegativity: ${findings.length} findings, all justified (SARIF in ${path.relative(REPO, SARIF)})\n`);
  return 0;
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await run();
  // The tool leaves timers behind; the verdict is in.
  setTimeout(() => process.exit(), 100).unref();
}
