// No Electron runs in CI, so the decisions in src/main/security.ts are unit-tested as pure
// functions; this test reads src/main/index.ts and src/preload/index.ts (TypeScript AST) and
// checks that each decision is actually wired where Electron asks for it. Deleting a handler
// or bypassing a check fails here.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/temp.ts';

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, fs.readFileSync(path.join(REPO, file), 'utf8'), ts.ScriptTarget.Latest, true);
}

function calls(source: ts.SourceFile): ts.CallExpression[] {
  const found: ts.CallExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Calls like `x.on('will-navigate', handler)`: callee text ends with `.name`, first argument as given. */
function callsTo(source: ts.SourceFile, callee: RegExp, firstArg?: string): ts.CallExpression[] {
  return calls(source).filter((c) => {
    if (!callee.test(c.expression.getText(source))) return false;
    if (firstArg === undefined) return true;
    const a = c.arguments[0];
    return a !== undefined && (ts.isStringLiteral(a) ? a.text === firstArg : a.getText(source) === firstArg);
  });
}

/** The identifiers called anywhere inside a node. */
function calledNames(node: ts.Node, source: ts.SourceFile): string[] {
  const names: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n)) names.push(n.expression.getText(source));
    ts.forEachChild(n, visit);
  };
  visit(node);
  return names;
}

const main = parse('src/main/index.ts');
const preload = parse('src/preload/index.ts');

function only(callee: RegExp, firstArg?: string): ts.CallExpression {
  const found = callsTo(main, callee, firstArg);
  expect(found, `${callee} ${firstArg ?? ''} in src/main/index.ts`).toHaveLength(1);
  return found[0]!;
}

describe('src/main/index.ts wires every defence', () => {
  it('sandboxes every renderer', () => {
    only(/^app\.enableSandbox$/);
  });

  it('creates windows only with the locked webPreferences', () => {
    const news: ts.NewExpression[] = [];
    const visit = (n: ts.Node): void => {
      if (ts.isNewExpression(n) && n.expression.getText(main) === 'BrowserWindow') news.push(n);
      ts.forEachChild(n, visit);
    };
    visit(main);
    // The window, and the hidden one that prints briefings to PDF.
    expect(news).toHaveLength(2);
    const initialisers = news.map((n) => {
      const options = n.arguments![0]!;
      expect(ts.isObjectLiteralExpression(options)).toBe(true);
      const prefs = (options as ts.ObjectLiteralExpression).properties.filter((p) => p.name?.getText(main) === 'webPreferences');
      expect(prefs).toHaveLength(1);
      return (prefs[0] as ts.PropertyAssignment).initializer.getText(main);
    });
    expect(initialisers.filter((i) => /^lockedWebPreferences\(/.test(i))).toHaveLength(1);
    expect(initialisers.filter((i) => i === 'printWebPreferences()')).toHaveLength(1);
  });

  it('loads the window from app://, never from file://', () => {
    expect(callsTo(main, /\.loadFile$/)).toHaveLength(0);
    const loads = callsTo(main, /\.loadURL$/).map((call) => call.arguments[0]!.getText(main));
    // The window loads the app; the hidden PDF printer loads only the briefing's own HTML.
    expect(loads).toHaveLength(2);
    expect(loads).toContain('devUrl ?? `${APP_ORIGIN}/index.html`');
    expect(loads.filter((l) => l !== 'devUrl ?? `${APP_ORIGIN}/index.html`')).toEqual(['`data:text/html;charset=utf-8;base64,${data}`']);
    expect(main.getText()).not.toMatch(/['"`]file:/);
  });

  it('serves app:// through appProtocolResponse', () => {
    const handle = only(/^protocol\.handle$/, 'APP_SCHEME');
    expect(calledNames(handle, main)).toContain('appProtocolResponse');
    expect(handle.getText(main)).toMatch(/headers: answer\.headers/);
  });

  it('cancels navigation, redirects and subframe navigation', () => {
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      const on = only(/\.on$/, event);
      const names = calledNames(on, main);
      expect(names, event).toContain('navigationDecision');
      expect(names, event).toContain('e.preventDefault');
    }
    const webview = only(/\.on$/, 'will-attach-webview');
    expect(calledNames(webview, main)).toContain('e.preventDefault');
  });

  it('denies window.open through windowOpenDecision', () => {
    const handler = only(/\.setWindowOpenHandler$/);
    expect(calledNames(handler, main)).toContain('windowOpenDecision');
    expect(handler.getText(main)).toMatch(/action: decision\.action/);
  });

  it('decides permission requests and checks with permissionDecision, and refuses devices', () => {
    expect(calledNames(only(/\.setPermissionRequestHandler$/), main)).toContain('permissionDecision');
    expect(calledNames(only(/\.setPermissionCheckHandler$/), main)).toContain('permissionDecision');
    expect(only(/\.setDevicePermissionHandler$/).arguments[0]!.getText(main)).toBe('() => false');
  });

  it('checks every IPC message: sender frame, method and arguments', () => {
    const handlers = callsTo(main, /^ipcMain\.(handle|handleOnce|on|once|addListener)$/);
    expect(handlers.map((h) => (h.arguments[0] as ts.StringLiteral).text).sort()).toEqual(['wirebench:call', 'wirebench:dropped']);
    const call = only(/^ipcMain\.handle$/, 'wirebench:call');
    const body = call.arguments[1]!;
    const statements = ((body as ts.ArrowFunction).body as ts.Block).statements;
    // The check comes first, and a failed check returns before anything else runs.
    expect(statements[0]!.getText(main)).toMatch(/^const checked = checkCall\(event\.senderFrame\?\.url, event\.senderFrame === event\.sender\.mainFrame, method, args, devUrl\);/);
    expect(statements[1]!.getText(main)).toBe('if (!checked.ok) return { ok: false, error: checked.error };');
    expect(body.getText(main)).not.toMatch(/engine\.call\(method/);
    const dropped = only(/^ipcMain\.on$/, 'wirebench:dropped');
    expect(calledNames(dropped, main)).toContain('checkDroppedPaths');
  });

  it('hands only checked web links to shell.openExternal', () => {
    const opens = callsTo(main, /^shell\.openExternal$/);
    expect(opens.length).toBeGreaterThan(0);
    for (const open of opens) {
      let guarded = false;
      for (let n: ts.Node | undefined = open.parent; n; n = n.parent) {
        if (ts.isIfStatement(n) && /isSafeExternalUrl\(/.test(n.expression.getText(main))) guarded = true;
      }
      expect(guarded, open.getText(main)).toBe(true);
    }
  });
});

describe('source files', () => {
  it('hands the system only a path read from the engine and checked by sourceFileDecision', () => {
    const opens = [...callsTo(main, /^shell\.openPath$/), ...callsTo(main, /^shell\.showItemInFolder$/)];
    expect(opens).toHaveLength(2);
    for (const open of opens) {
      expect(open.arguments[0]!.getText(main)).toBe('decision.path');
      let fn: ts.Node | undefined = open.parent;
      while (fn && !ts.isFunctionDeclaration(fn)) fn = fn.parent;
      expect(fn, open.getText(main)).toBeDefined();
      const text = fn!.getText(main);
      // The path is the engine's (article.get on the id), decided before anything opens.
      expect(text).toMatch(/const found = await started\.call\('article\.get', \{ id \}\);/);
      expect(text).toMatch(/const decision = sourceFileDecision\(\(found\.result as \{ path\?: unknown \}\)\.path,/);
      expect(text).toMatch(/if \(!decision\.ok\) return/);
      expect(text.indexOf('if (!decision.ok) return')).toBeLessThan(text.indexOf(open.getText(main)));
    }
  });
});

describe('src/preload/index.ts exposes no raw ipcRenderer', () => {
  it('exposes exactly window.wirebench = { call, on }', () => {
    const exposes = callsTo(preload, /^contextBridge\.exposeInMainWorld$/);
    expect(exposes).toHaveLength(1);
    const [name, api] = exposes[0]!.arguments;
    expect((name as ts.StringLiteral).text).toBe('wirebench');
    expect(ts.isObjectLiteralExpression(api!)).toBe(true);
    const props = (api as ts.ObjectLiteralExpression).properties;
    expect(props.map((p) => p.name?.getText(preload)).sort()).toEqual(['call', 'on']);
    for (const p of props) {
      // Wrapper functions only: no ipcRenderer (or a method of it) handed over as a value.
      expect(ts.isPropertyAssignment(p) && ts.isArrowFunction(p.initializer)).toBe(true);
    }
    expect(preload.getText()).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*[,)]/);
  });

  it('uses only the wirebench: channels', () => {
    const used = callsTo(preload, /^ipcRenderer\.(invoke|send|sendSync|on|once|removeListener|postMessage)$/).map((c) => (c.arguments[0] as ts.StringLiteral).text);
    expect(new Set(used)).toEqual(new Set(['wirebench:call', 'wirebench:event', 'wirebench:dropped']));
    expect(callsTo(preload, /^ipcRenderer\.sendSync$/)).toHaveLength(0);
  });
});
