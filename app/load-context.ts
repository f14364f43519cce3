// What the express server (server/main.ts) passes to every loader and action.
declare module '@remix-run/node' {
  interface AppLoadContext {
    nonce?: string;
    requestId?: string;
    ip?: string;
  }
}

import type { AppLoadContext } from '@remix-run/node';

/** The client's address as the server saw it (behind a proxy only when TRUST_PROXY is set). */
export function clientIp(context: AppLoadContext | undefined) {
  return context?.ip ?? 'unknown';
}
