import { Transform, type TransformCallback } from 'node:stream';
import type { Request } from 'express';

/**
 * Removes NUL characters from form submissions before the app reads them. PostgreSQL cannot store
 * a NUL in text, and no person types one, so they are dropped at the door instead of in every form
 * (bench:fuzz found them reaching the database as 500s). Form-encoded bodies carry a NUL as `%00`
 * (or, from a broken client, as a raw byte); multipart bodies as a raw byte (the app takes no file
 * uploads, so a raw NUL is never data we keep).
 */
export class NulStripper extends Transform {
  private carry = '';

  constructor(private readonly encoded: boolean) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    // latin1 maps bytes to characters one to one, so the bytes come back unchanged.
    let text = this.carry + chunk.toString('latin1');
    this.carry = '';
    if (this.encoded) {
      // A `%00` may be split over two chunks: hold back a trailing `%` or `%0`.
      const tail = /%0?$/.exec(text);
      if (tail) {
        this.carry = tail[0];
        text = text.slice(0, tail.index);
      }
      text = text.replaceAll('%00', '');
    }
    done(null, Buffer.from(text.replaceAll('\0', ''), 'latin1'));
  }

  override _flush(done: TransformCallback) {
    done(null, this.carry ? Buffer.from(this.carry, 'latin1') : null);
  }
}

// The request's whole reading side comes from the cleaned stream: its methods and its state. The
// state matters: Remix's StreamPump resumes only `if (stream.readable)`, and the raw request stops
// being readable once the pipe has consumed it, so with `readable` read from the request a form
// larger than one buffer (the new-network form, 26 kB) hung for good (bench:fuzz, 8 requests).
const streamMembers = new Set<string | symbol>([
  'on',
  'once',
  'off',
  'addListener',
  'prependListener',
  'prependOnceListener',
  'removeListener',
  'removeAllListeners',
  'listenerCount',
  'destroy',
  'pause',
  'resume',
  'isPaused',
  'read',
  'pipe',
  'unpipe',
  'setEncoding',
  'readable',
  'readableEnded',
  'readableFlowing',
  'readableLength',
  'readableHighWaterMark',
  'destroyed',
  Symbol.asyncIterator,
]);

/** The request as the Remix adapter should see it: form bodies without NUL characters. */
export function withoutNulInForms(req: Request): Request {
  if (req.method === 'GET' || req.method === 'HEAD') return req;
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  const encoded = type.startsWith('application/x-www-form-urlencoded');
  if (!encoded && !type.startsWith('multipart/form-data')) return req;
  const clean = new NulStripper(encoded);
  req.on('error', (error) => clean.destroy(error));
  req.pipe(clean);
  // A response sent before the body was read (a 404 for someone else's record, a refused form)
  // leaves the rest of the body unread. Node would discard it, but not from a request that is
  // piped, so the client kept sending into a full buffer and never got its answer (bench:fuzz:
  // 1–3 MB bodies to routes that answer without reading them, timed out after 60 s). Discard it.
  req.res?.once('finish', () => {
    if (req.complete) return;
    req.unpipe(clean);
    req.removeAllListeners('data');
    req.resume();
  });
  return new Proxy(req, {
    get(target, property) {
      const source: object = streamMembers.has(property) ? clean : target;
      const value: unknown = Reflect.get(source, property);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(source) : value;
    },
  });
}
