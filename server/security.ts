import type { NextFunction, Request, Response } from 'express';

/** The Content-Security-Policy for a page, with the per-request nonce for Remix's scripts. */
function contentSecurityPolicy(nonce: string, options: { frameable?: boolean } = {}) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-src 'self'",
    // Only the embed (/embed/cursussen) may be framed, by any site; every other page by none.
    options.frameable ? 'frame-ancestors *' : "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}

// Browser features the app never uses, all denied (to itself and to any frame).
const PERMISSIONS_POLICY = [
  'accelerometer',
  'autoplay',
  'bluetooth',
  'browsing-topics',
  'camera',
  'display-capture',
  'encrypted-media',
  'fullscreen',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'picture-in-picture',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

// Paths that set their own policy (the development mailbox shows email HTML in a sandboxed frame).
const ownPolicy = /^\/dev\/mailbox\/[^/]+\/html$/;
// The course list that municipality and association websites frame (issue 16): the only framable page.
const frameablePath = /^\/embed\/cursussen\/?$/;

export function securityHeaders(options: { production: boolean; dev: boolean }) {
  return (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    if (options.production) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    // Vite's development server injects inline scripts and a websocket: no CSP there.
    if (!options.dev && !ownPolicy.test(req.path)) {
      const frameable = frameablePath.test(req.path);
      res.setHeader('Content-Security-Policy', contentSecurityPolicy(res.locals.nonce as string, { frameable }));
      if (!frameable) res.setHeader('X-Frame-Options', 'DENY');
    }
    next();
  };
}

// POSTs that come from elsewhere by design, and act only on a signed token or signature in the
// request itself: one-click unsubscribe from a mail client (RFC 8058) and the provider's webhook.
// Unsubscribe tokens are one sealed base64url segment, or address.category.signature (older links).
const foreignPostAllowed = /^\/(e-mail\/afmelden\/(?:[A-Za-z0-9_-]+|[A-Za-z0-9_-]+\.[a-z-]+\.[A-Za-z0-9_-]+)|webhooks\/resend)$/;

/** Refuses state-changing requests sent from another site's page (a second line behind SameSite=Lax). */
export function refuseForeignOrigins(req: Request, res: Response, next: NextFunction) {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
  if (req.method === 'POST' && foreignPostAllowed.test(req.path)) {
    // Remix refuses actions whose Origin differs from the host too: drop the header for these paths.
    delete req.headers.origin;
    return next();
  }
  const origin = req.get('origin');
  if (!origin) return next();
  let host: string | null = null;
  try {
    host = new URL(origin).host;
  } catch {
    host = null;
  }
  if (host !== req.get('host')) {
    res.status(403).type('text/plain').send('Cross-origin request refused');
    return;
  }
  next();
}
