import { describe, expect, it } from 'vitest';
import { maskPath, maskPersonalData } from './logger';

describe('logs without personal data', () => {
  it('masks email addresses in messages', () => {
    expect(maskPersonalData('sent to fatima.devries@example.nl and jan@x.org')).toBe('sent to f***@example.nl and j***@x.org');
  });

  it('keeps only the shape of paths that carry emailed tokens', () => {
    expect(maskPath('/aanmelding/abcdefghijklmnopqrstuvwxyz234567')).toBe('/aanmelding/:token');
    expect(maskPath('/inloggen/link/abcdefghijklmnopqrstuvwxyz234567')).toBe('/inloggen/link/:token');
    expect(maskPath('/cursussen/0b4f1e5e-8a38-4d4b-9a57-0f2f7e8f0c11')).toBe('/cursussen/0b4f1e5e-8a38-4d4b-9a57-0f2f7e8f0c11');
  });
});
