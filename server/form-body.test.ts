import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { NulStripper } from './form-body';

async function through(chunks: string[], encoded: boolean) {
  const out: Buffer[] = [];
  for await (const chunk of Readable.from(chunks.map((c) => Buffer.from(c, 'latin1'))).pipe(new NulStripper(encoded)))
    out.push(chunk as Buffer);
  return Buffer.concat(out).toString('latin1');
}

describe('NUL characters in form bodies', () => {
  it('drops %00 from form-encoded bodies, also when it is split over chunks', async () => {
    expect(await through(['name=Fuzz+%00+1&email=a%40b.nl'], true)).toBe('name=Fuzz++1&email=a%40b.nl');
    expect(await through(['name=a%', '00b&x=%0', '0y&z=%'], true)).toBe('name=ab&x=y&z=%');
    expect(await through(['a=%0', 'A'], true)).toBe('a=%0A');
  });

  it('keeps every other byte as it is, and drops raw NUL bytes (multipart)', async () => {
    const part = '--b\r\nContent-Disposition: form-data; name="n"\r\n\r\nZo\u00eb\u0000 \u00e9\r\n--b--\r\n';
    expect(await through([part], false)).toBe(part.replace('\u0000', ''));
    expect(await through(['q=%C3%AB%20%E2%80%AE'], true)).toBe('q=%C3%AB%20%E2%80%AE');
  });
});
