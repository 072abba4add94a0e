// The gate around electronegativity (scripts/electronegativity.ts): a finding passes only
// when a justification names its rule, file and line; the real run is part of `npm test`.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingsFromSarif, unjustified } from '../../scripts/electronegativity.ts';
import { REPO, suiteTempDir } from '../support/temp.ts';

function sarif(results: { rule: string; uri: string; line: number }[]): string {
  return JSON.stringify({
    runs: [{ results: results.map((r) => ({ ruleId: r.rule, message: { text: `${r.rule} message` }, locations: [{ physicalLocation: { artifactLocation: { uri: r.uri }, region: { startLine: r.line } } }] })) }],
  });
}

describe('the electronegativity gate', () => {
  const src = suiteTempDir();
  fs.mkdirSync(path.join(src, 'main'));
  fs.writeFileSync(path.join(src, 'main', 'index.ts'), ['const a = 1;', 'win.webContents.openDevTools();', 'void shell.openExternal(url);'].join('\n'));

  it('reads findings with their source line', () => {
    const findings = findingsFromSarif(sarif([{ rule: 'OPEN_EXTERNAL_JS_CHECK', uri: 'main/index.ts', line: 3 }, { rule: 'CSP_GLOBAL_CHECK', uri: 'file:///', line: 1 }]), src);
    expect(findings).toEqual([
      { rule: 'OPEN_EXTERNAL_JS_CHECK', file: 'main/index.ts', line: 3, source: 'void shell.openExternal(url);', message: 'OPEN_EXTERNAL_JS_CHECK message' },
      { rule: 'CSP_GLOBAL_CHECK', file: '', line: 1, source: '', message: 'CSP_GLOBAL_CHECK message' },
    ]);
  });

  it('fails a finding that no justification matches by rule, file and line', () => {
    const findings = findingsFromSarif(sarif([{ rule: 'OPEN_EXTERNAL_JS_CHECK', uri: 'main/index.ts', line: 3 }, { rule: 'DEV_TOOLS_JS_CHECK', uri: 'main/index.ts', line: 2 }]), src);
    const j = { rule: 'OPEN_EXTERNAL_JS_CHECK', file: 'main/index.ts', line: 'shell.openExternal(url)', why: 'checked', test: 't' };
    expect(unjustified(findings, [j]).open.map((f) => f.rule)).toEqual(['DEV_TOOLS_JS_CHECK']);
    // The same rule on another line is not covered.
    const moved = findingsFromSarif(sarif([{ rule: 'OPEN_EXTERNAL_JS_CHECK', uri: 'main/index.ts', line: 2 }]), src);
    expect(unjustified(moved, [j]).open).toHaveLength(1);
    expect(unjustified([], [j]).stale).toEqual([j]);
  });

  it('has a reason and a test for every checked-in justification', () => {
    const file = JSON.parse(fs.readFileSync(path.join(REPO, 'security/electronegativity-justified.json'), 'utf8')) as { findings: { why: string; test: string }[] };
    for (const j of file.findings) {
      expect(j.why.length).toBeGreaterThan(40);
      expect(j.test).toMatch(/^tests\//);
    }
  });
});
