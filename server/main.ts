import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequestHandler } from '@remix-run/express';
import type { ServerBuild } from '@remix-run/node';
import compression from 'compression';
import express from 'express';
import { EnvError, getEnv } from '../app/env.server';
import { startApplication } from './app';
import { withoutNulInForms } from './form-body';
import { createLogger, getLog, setBaseLogger } from '../app/modules/log.server';
import { requestLogging } from './logger';
import { proxyTrust, requestContext } from './request-context';
import { securityHeaders, refuseForeignOrigins } from './security';
import { surviveDatabaseOutages } from './outage';

let env;
try {
  env = getEnv();
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
const log = createLogger(env.LOG_LEVEL);
surviveDatabaseOutages(log);
setBaseLogger(log);
const dev = env.NODE_ENV === 'development';

const running = await startApplication(env, log, { web: true, worker: env.workerInWeb });

const viteDevServer = dev ? await import('vite').then((vite) => vite.createServer({ server: { middlewareMode: true } })) : undefined;

const app = express();
app.disable('x-powered-by');
app.set('trust proxy', proxyTrust(env));
app.use(compression());

app.use(requestLogging(log));
app.use((_req, res, next) => {
  res.locals.nonce = randomBytes(16).toString('base64');
  next();
});
app.use(securityHeaders({ production: env.isProduction, dev }));
app.use(refuseForeignOrigins);

if (viteDevServer) {
  app.use(viteDevServer.middlewares);
} else {
  // Fingerprinted assets can be cached for ever; everything else briefly.
  app.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y' }));
  app.use(express.static('build/client', { maxAge: '1h' }));
}

const build = viteDevServer
  ? () => viteDevServer.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>
  : ((await import(pathToFileURL(path.resolve('build/server/index.js')).href)) as ServerBuild);

const remix = createRequestHandler({
  build,
  mode: env.NODE_ENV,
  getLoadContext: requestContext,
});
app.all('*', (req, res, next) => remix(withoutNulInForms(req), res, next));

app.use((error: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
  getLog().error({ err: error, path: req.path }, 'request failed');
  if (!res.headersSent) res.status(500).send('Internal Server Error');
});

const server = app.listen(env.PORT, env.host, () => {
  log.info(`Politiek Actief listens on http://${env.host === '0.0.0.0' ? 'localhost' : env.host}:${env.PORT} (${running.handle.kind})`);
});
// Keep idle connections open longer than clients and load balancers do (60 s is common), so the
// server never closes a connection at the moment a client sends on it (ECONNRESET under load).
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down: finishing requests in flight');
  server.close();
  server.closeIdleConnections();
  const force = setTimeout(() => process.exit(1), 25_000);
  force.unref();
  await viteDevServer?.close();
  await running.stop();
  log.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
