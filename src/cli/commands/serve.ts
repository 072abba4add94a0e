import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEngineHost } from '../../engine/host/engine-host.ts';
import { createNodeEngineWorker } from '../../engine/host/node-worker.ts';
import { startServer } from '../../server/server.ts';
import { dataDir, intOption, out, parse, UsageError, type Command } from '../args.ts';

export const serveCommand: Command = {
  name: 'serve',
  usage: 'wirebench serve [--port N]               the window in a browser, on 127.0.0.1 only',
  async run(argv) {
    const { values, positionals } = parse(argv, { port: { type: 'string' } });
    if (positionals.length) throw new UsageError(`serve takes no arguments (got ${positionals[0]})`);
    const port = intOption(values.port, 'port', 0, 65535) ?? 0;
    const rendererDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../out/renderer');
    if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
      throw new Error('The window is not built yet: run `npm run build` (npm install does it too), then try again.');
    }
    const engine = await startEngineHost({ createWorker: createNodeEngineWorker, dataDir: dataDir(values['data-dir']) });
    let server;
    try {
      server = await startServer({ engine, rendererDir, port });
    } catch (error) {
      await engine.close();
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new Error(`Port ${port} is in use; choose another with --port, or --port 0 for any free one.`, { cause: error });
      throw error;
    }
    if (values.json) out(JSON.stringify({ url: `${server.url}?token=${server.token}`, port: server.port }));
    else out(`Listening at ${server.url}?token=${server.token}`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    await server.close();
    await engine.close();
    return 0;
  },
};
