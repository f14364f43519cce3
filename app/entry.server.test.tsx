import { PassThrough, type Transform } from 'node:stream';
import { renderToPipeableStream } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { dropNulBytes } from './entry.server';

// Like a course card ("di 25 mei 2027 · 1 bijeenkomst"): many short text chunks with a two-byte
// character ("·"), so that one of them lands on the end of React's 2 KB write buffer.
function Page() {
  return (
    <ul>
      {Array.from({ length: 3000 }, (_, i) => (
        <li key={i}>
          {'di 25 mei 2027'}
          {' · '}
          {`${i} bijeenkomst`}
        </li>
      ))}
    </ul>
  );
}

function render(through: Transform | PassThrough): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    through.on('data', (chunk: Buffer) => chunks.push(chunk));
    through.on('end', () => resolve(Buffer.concat(chunks)));
    through.on('error', reject);
    const { pipe } = renderToPipeableStream(<Page />, { onAllReady: () => pipe(through), onShellError: reject });
  });
}

describe('the HTML stream', () => {
  it('carries NUL bytes from React when a character straddles its buffer (the reason for the filter)', async () => {
    expect((await render(new PassThrough())).includes(0)).toBe(true);
  });

  it('leaves no NUL byte and every character intact once filtered', async () => {
    const html = await render(dropNulBytes());
    expect(html.includes(0)).toBe(false);
    const text = html.toString('utf8');
    expect(text).not.toContain('\uFFFD');
    expect(text.match(/·/g)).toHaveLength(3000);
  });
});
