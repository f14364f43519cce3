import { describe, expect, it } from 'vitest';
import { emailTemplateNames, renderEmail, type EmailTemplateName, type EmailTemplates, type Locale } from './index';

const locales: Locale[] = ['nl', 'en'];

// The `&` checks that URLs with query strings survive HTML escaping in the
// html part and come out unescaped in the text part.
const samples: { [N in EmailTemplateName]: Omit<EmailTemplates[N], 'locale'> } = {
  'verify-email': {
    url: 'https://politiekactief.example/auth/verify?token=abc123&next=%2Fcursussen',
    expiresInHours: 24,
  },
  'login-link': {
    url: 'https://politiekactief.example/auth/login-link?token=def456',
    expiresInMinutes: 15,
  },
  'password-reset': {
    url: 'https://politiekactief.example/auth/reset-password?token=ghi789',
    expiresInMinutes: 30,
  },
  'password-changed': {
    changedAt: '3 maart 2025 om 14:05',
    resetUrl: 'https://politiekactief.example/auth/forgot-password',
  },
  'account-exists': {
    loginUrl: 'https://politiekactief.example/auth/login',
    resetUrl: 'https://politiekactief.example/auth/forgot-password?email=hint',
  },
};

function propsFor<N extends EmailTemplateName>(name: N, locale: Locale): EmailTemplates[N] {
  return { ...samples[name], locale } as EmailTemplates[N];
}

function urlsOf(name: EmailTemplateName): string[] {
  return Object.values(samples[name]).filter((value): value is string => typeof value === 'string' && value.startsWith('https://'));
}

const escapeHtml = (value: string) => value.replaceAll('&', '&amp;');

// A distinctive phrase per template and locale, to check the copy is in the right language.
const languageMarkers: Record<EmailTemplateName, Record<Locale, string[]>> = {
  'verify-email': { nl: ['e-mailadres', '24 uur'], en: ['email address', '24 hours'] },
  'login-link': { nl: ['inloggen', '15 minuten'], en: ['log in', '15 minutes'] },
  'password-reset': { nl: ['wachtwoord', '30 minuten'], en: ['password', '30 minutes'] },
  'password-changed': { nl: ['wachtwoord', 'uitgelogd'], en: ['password', 'logged you out'] },
  'account-exists': { nl: ['al een account'], en: ['already have an account'] },
};

describe('email templates', () => {
  it('registers every template', () => {
    expect([...emailTemplateNames].sort()).toEqual(Object.keys(samples).sort());
  });

  describe.each(emailTemplateNames)('%s', (name) => {
    it('has a non-empty subject that differs between nl and en', async () => {
      const nl = await renderEmail(name, propsFor(name, 'nl'));
      const en = await renderEmail(name, propsFor(name, 'en'));
      expect(nl.subject.trim()).not.toBe('');
      expect(en.subject.trim()).not.toBe('');
      expect(nl.subject).not.toBe(en.subject);
    });

    it.each(locales)('renders in %s', async (locale) => {
      const { html, text } = await renderEmail(name, propsFor(name, locale));

      expect(html).toContain(`lang="${locale}"`);

      for (const url of urlsOf(name)) {
        expect(html).toContain(`href="${escapeHtml(url)}"`);
        expect(text).toContain(url);
      }

      expect(text).not.toMatch(/<\/?[a-z][^>]*>/i);
      expect(text).not.toMatch(/&(amp|lt|gt|quot|#\d+);/);

      const lowerText = text.toLowerCase();
      for (const marker of languageMarkers[name][locale]) {
        expect(lowerText).toContain(marker.toLowerCase());
      }
      const footer = locale === 'nl' ? 'je ontvangt deze e-mail' : 'you are receiving this email';
      expect(lowerText).toContain(footer);
    });
  });

  it('keeps Dutch and English apart', async () => {
    const nl = await renderEmail('verify-email', propsFor('verify-email', 'nl'));
    const en = await renderEmail('verify-email', propsFor('verify-email', 'en'));
    expect(nl.text).toContain('e-mailadres');
    expect(nl.text).not.toContain('email address');
    expect(en.text).toContain('email address');
    expect(en.text).not.toContain('e-mailadres');
  });

  it('prints each button link once in the plain text', async () => {
    const props = propsFor('account-exists', 'nl');
    const { text } = await renderEmail('account-exists', props);
    expect(text.split(props.loginUrl)).toHaveLength(2);
    expect(text.split(props.resetUrl)).toHaveLength(2);
  });

  it('does not tell people to ignore a password-changed notice', async () => {
    for (const locale of locales) {
      const { text } = await renderEmail('password-changed', propsFor('password-changed', locale));
      expect(text).not.toMatch(/negeren|ignore/i);
    }
  });

  it('falls back to Dutch for an unknown locale', async () => {
    const props = { ...propsFor('login-link', 'nl'), locale: 'de' as Locale };
    const { html, subject } = await renderEmail('login-link', props);
    expect(html).toContain('lang="nl"');
    expect(subject).toBe((await renderEmail('login-link', propsFor('login-link', 'nl'))).subject);
  });
});
