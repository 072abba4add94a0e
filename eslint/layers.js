// The layer rule of DESIGN.md, enforced on every import (static, re-export, dynamic):
// each folder under src/ may import only the folders and packages listed for it.
import { builtinModules } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const isNodeBuiltin = (name) => NODE_BUILTINS.has(name) || name.startsWith('node:');

/** For each layer: which src/ folders it may import, and a test for the packages it may import. */
export const LAYERS = {
  shared: { folders: ['shared'], packageAllowed: () => false, why: 'src/shared is the contract and imports nothing' },
  engine: {
    folders: ['shared', 'engine'],
    packageAllowed: (name) => !['electron', 'react', 'react-dom'].includes(name),
    outside: ['package.json'],
    why: 'the engine is plain Node: no electron, react or shell code',
  },
  renderer: {
    folders: ['shared', 'renderer'],
    packageAllowed: (name) => !isNodeBuiltin(name) && !['electron', 'better-sqlite3'].includes(name),
    why: 'the renderer knows only the contract: no Node, electron, SQLite or engine code',
  },
  preload: { folders: [], packageAllowed: (name) => name === 'electron', why: 'the preload exposes only window.wirebench = { call, on }' },
  server: { folders: ['shared', 'engine', 'server'], packageAllowed: (name) => !['electron', 'react', 'react-dom'].includes(name), why: 'the server is a Node shell over the engine' },
  cli: { folders: ['shared', 'engine', 'server', 'cli'], packageAllowed: (name) => !['electron', 'react', 'react-dom'].includes(name), why: 'the CLI is a Node shell over the engine' },
  main: { folders: ['shared', 'engine', 'server', 'main'], packageAllowed: (name) => !['react', 'react-dom'].includes(name), why: 'the Electron shell forwards to the engine' },
};

function layerOf(file) {
  const rel = path.relative(path.join(root, 'src'), file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const top = rel.split(path.sep)[0];
  return Object.hasOwn(LAYERS, top) ? top : null;
}

function packageName(spec) {
  if (spec.startsWith('node:')) return spec;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const rule = {
  meta: { type: 'problem', schema: [], messages: { layer: '{{layer}} may not import "{{spec}}": {{why}}.' } },
  create(context) {
    const file = context.filename;
    const layer = layerOf(file);
    if (!layer) return {};
    const spec = LAYERS[layer];
    function check(node, source) {
      if (!source || typeof source.value !== 'string') return;
      const value = source.value.split('?')[0];
      let ok;
      if (value.startsWith('.') || value.startsWith('/')) {
        const resolved = path.resolve(path.dirname(file), value);
        const target = layerOf(resolved);
        ok = target === null ? (spec.outside ?? []).includes(path.relative(root, resolved)) : spec.folders.includes(target);
      } else {
        ok = spec.packageAllowed(packageName(value));
      }
      if (!ok) context.report({ node, messageId: 'layer', data: { layer: `src/${layer}`, spec: source.value, why: spec.why } });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source : null),
    };
  },
};

export default { rules: { imports: rule } };
