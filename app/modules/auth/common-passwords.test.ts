import { describe, expect, it } from 'vitest';
import { isCommonPassword } from './common-passwords';
import { translator } from '~/i18n';
import '~/i18n/all';
import { changePasswordSchema, registerSchema, resetPasswordSchema } from './schemas';

describe('common passwords (ASVS 2.1.7)', () => {
  it.each([
    'Wachtwoord123!',
    'password2026',
    'P@ssword 1234',
    'welkomwelkom',
    'Qwertyuiop12',
    '123456789012',
    'aaaaaaaaaaaa',
    'Politiek-Actief-2026',
    'Ajax-Feyenoord',
    'Demo-kandidaat-2026',
  ])('refuses %s', (password) => {
    expect(isCommonPassword(password)).toBe(true);
  });

  it.each(['een lange zin als wachtwoord', 'mijn nieuwe wachtwoord', 'fiets boom regen 7', 'lang genoeg wachtwoord'])(
    'accepts %s',
    (password) => {
      expect(isCommonPassword(password)).toBe(false);
    },
  );
});

describe('new-password rules on the forms (ASVS 2.1.1, 2.1.2, 2.1.7)', () => {
  const t = translator('nl');
  const register = (password: string) => registerSchema(t).safeParse({ name: 'Noor', email: 'noor@example.nl', password });

  it('needs at least 12 characters and allows up to 128, spaces and any Unicode included', () => {
    expect(register('elf tekens!').success).toBe(false);
    expect(register('twaalf teken').success).toBe(true);
    expect(register('Meer dan 64 tekens: één fiets, twee bomen, drie regenbuien en vier katten.').success).toBe(true);
    expect(register('lang '.repeat(26)).success).toBe(false); // 130 characters
  });

  it('refuses a common password with a message the person can act on', () => {
    const result = register('Wachtwoord2026!');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('veel gebruikt');
  });

  it('applies to a password reset and a change too', () => {
    expect(resetPasswordSchema(t).safeParse({ password: 'welkom123456', confirm: 'welkom123456' }).success).toBe(false);
    expect(changePasswordSchema(t).safeParse({ current: 'x', password: 'P@ssw0rd-2026', confirm: 'P@ssw0rd-2026' }).success).toBe(false);
  });
});
