import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from '@react-email/components';
import { createContext, useContext, type CSSProperties, type ReactNode } from 'react';

export type Locale = 'nl' | 'en';

const defaultLocale: Locale = 'nl';

/**
 * Ends a sentence after a text someone else chose (a course title, a network's name): a title such
 * as "Hoe werkt de gemeenteraad?" already ends it, and "gemeenteraad?." reads as a mistake.
 */
export function stop(text: string) {
  return /[.?!…]['"’”)]*$/.test(text.trim()) ? text : `${text}.`;
}

/** Falls back to Dutch for anything that is not a supported locale. */
export function resolveLocale(locale: string | null | undefined): Locale {
  return locale === 'en' ? 'en' : defaultLocale;
}

/**
 * Render mode for the shared building blocks. `renderEmail` sets this to
 * 'text' for the plain-text render, so buttons become "label: url" instead of
 * a button followed by a second copy of the same link.
 */
export type EmailRenderMode = 'html' | 'text';
export const EmailRenderModeContext = createContext<EmailRenderMode>('html');

const LocaleContext = createContext<Locale>(defaultLocale);

/** The unsubscribe link of a non-transactional message (set by `renderEmail`), shown in the footer. */
export const UnsubscribeContext = createContext<string | null>(null);

export const colors = {
  text: '#1a1a1a',
  muted: '#4d4d4d', // 8.4:1 on white
  primary: '#154273', // 10.6:1 on white, white text on it too
  onPrimary: '#ffffff',
  background: '#ffffff',
  border: '#d6d6d6',
} as const;

const fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Helvetica, Arial, sans-serif";

const styles = {
  body: {
    backgroundColor: colors.background,
    color: colors.text,
    fontFamily,
    margin: 0,
    padding: '24px 0',
  },
  container: {
    maxWidth: '560px',
    margin: '0 auto',
    padding: '0 20px',
  },
  brand: {
    color: colors.primary,
    fontSize: '18px',
    fontWeight: 700,
    lineHeight: '24px',
    margin: '0 0 8px',
  },
  brandBar: {
    borderTop: `4px solid ${colors.primary}`,
    margin: '0 0 24px',
  },
  heading: {
    color: colors.text,
    fontSize: '24px',
    fontWeight: 700,
    lineHeight: '32px',
    margin: '0 0 16px',
  },
  paragraph: {
    color: colors.text,
    fontSize: '16px',
    lineHeight: '24px',
    margin: '0 0 16px',
  },
  buttonSection: {
    margin: '24px 0 8px',
  },
  button: {
    backgroundColor: colors.primary,
    borderRadius: '4px',
    color: colors.onPrimary,
    display: 'inline-block',
    fontSize: '16px',
    fontWeight: 700,
    lineHeight: '24px',
    padding: '12px 24px',
    textDecoration: 'none',
  },
  fallback: {
    color: colors.muted,
    fontSize: '14px',
    lineHeight: '20px',
    margin: '0 0 24px',
  },
  fallbackLink: {
    color: colors.primary,
    textDecoration: 'underline',
    wordBreak: 'break-all',
  },
  hr: {
    borderColor: colors.border,
    margin: '32px 0 16px',
  },
  footer: {
    color: colors.muted,
    fontSize: '14px',
    lineHeight: '20px',
    margin: 0,
  },
} satisfies Record<string, CSSProperties>;

const layoutCopy = {
  nl: {
    brand: 'Politiek Actief',
    footer:
      'Politiek Actief — je ontvangt deze e-mail omdat iemand dit e-mailadres gebruikte op Politiek Actief. Was jij dit niet? Dan kun je deze e-mail negeren.',
    footerAccount: 'Politiek Actief — je ontvangt deze e-mail omdat er iets is veranderd aan je account op Politiek Actief.',
    footerCourse: 'Politiek Actief — je ontvangt deze e-mail omdat je je via Politiek Actief hebt aangemeld voor een cursus.',
    buttonFallback: 'Werkt de knop niet? Kopieer dan deze link en plak hem in je browser:',
    unsubscribe: 'Wil je deze soort e-mails niet meer krijgen?',
    unsubscribeLink: 'Afmelden',
  },
  en: {
    brand: 'Politiek Actief',
    footer:
      'Politiek Actief — you are receiving this email because someone used this email address on Politiek Actief. Was this not you? Then you can ignore this email.',
    footerAccount: 'Politiek Actief — you are receiving this email because something changed in your account on Politiek Actief.',
    footerCourse: 'Politiek Actief — you are receiving this email because you signed up for a course through Politiek Actief.',
    buttonFallback: 'Is the button not working? Copy this link and paste it into your browser:',
    unsubscribe: 'Do you no longer want emails of this kind?',
    unsubscribeLink: 'Unsubscribe',
  },
} satisfies Record<Locale, Record<string, string>>;

export type EmailLayoutProps = {
  locale: Locale;
  /** Short text shown by mail clients next to the subject. */
  preview: string;
  /** Document title; usually the subject. */
  title?: string;
  /**
   * 'ignore' (default): the "was this not you? ignore this email" footer.
   * 'account': a neutral footer, for security notices where ignoring the
   * email is the wrong advice (e.g. "your password was changed").
   * 'course': a neutral footer for people who signed up for a course (their
   * registration, waiting list, reminders, follow-up).
   */
  footer?: 'ignore' | 'account' | 'course';
  children: ReactNode;
};

export function EmailLayout({ locale, preview, title, footer = 'ignore', children }: EmailLayoutProps) {
  const lang = resolveLocale(locale);
  const t = layoutCopy[lang];
  const footerText = { ignore: t.footer, account: t.footerAccount, course: t.footerCourse };
  const unsubscribeUrl = useContext(UnsubscribeContext);
  return (
    <Html lang={lang} dir="ltr">
      <Head>
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
        {title ? <title>{title}</title> : null}
      </Head>
      <Body style={styles.body}>
        <Preview>{preview}</Preview>
        <LocaleContext.Provider value={lang}>
          <Container style={styles.container}>
            <Section>
              <Text style={styles.brand}>{t.brand}</Text>
              <Hr style={styles.brandBar} data-skip-in-text />
            </Section>
            <Section>{children}</Section>
            <Hr style={styles.hr} />
            <Section>
              <Text style={styles.footer}>{footerText[footer]}</Text>
              {unsubscribeUrl ? (
                <Text style={styles.footer}>
                  {t.unsubscribe}{' '}
                  <Link href={unsubscribeUrl} style={styles.fallbackLink}>
                    {t.unsubscribeLink}
                  </Link>
                </Text>
              ) : null}
            </Section>
          </Container>
        </LocaleContext.Provider>
      </Body>
    </Html>
  );
}

export function EmailHeading({ children }: { children: ReactNode }) {
  return (
    <Heading as="h1" style={styles.heading}>
      {children}
    </Heading>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={styles.paragraph}>{children}</Text>;
}

export type EmailButtonProps = {
  href: string;
  /** Button label; plain text. */
  children: string;
};

/**
 * A call-to-action button with the URL printed as plain text below it, so
 * people can copy it and so the plain-text part always contains the link.
 */
export function EmailButton({ href, children }: EmailButtonProps) {
  const mode = useContext(EmailRenderModeContext);
  const t = layoutCopy[useContext(LocaleContext)];

  if (mode === 'text') {
    return (
      <Text style={styles.paragraph}>
        {children}:
        <br />
        {href}
      </Text>
    );
  }

  return (
    <>
      <Section style={styles.buttonSection}>
        <Button href={href} style={styles.button}>
          {children}
        </Button>
      </Section>
      <Text style={styles.fallback}>
        {t.buttonFallback}
        <br />
        <Link href={href} style={styles.fallbackLink}>
          {href}
        </Link>
      </Text>
    </>
  );
}

type DurationUnit = 'minutes' | 'hours' | 'days' | 'weeks';

const durationUnits = {
  nl: {
    minutes: { one: 'minuut', other: 'minuten' },
    hours: { one: 'uur', other: 'uur' },
    days: { one: 'dag', other: 'dagen' },
    weeks: { one: 'week', other: 'weken' },
  },
  en: {
    minutes: { one: 'minute', other: 'minutes' },
    hours: { one: 'hour', other: 'hours' },
    days: { one: 'day', other: 'days' },
    weeks: { one: 'week', other: 'weeks' },
  },
} satisfies Record<Locale, Record<DurationUnit, { one: string; other: string }>>;

/** "1 uur", "24 uur", "15 minuten", "1 dag", "1 hour", "2 weeks": the form Intl.PluralRules picks. */
export function formatDuration(locale: Locale, amount: number, unit: DurationUnit): string {
  const lang = resolveLocale(locale);
  const forms = durationUnits[lang][unit];
  return `${amount} ${new Intl.PluralRules(lang).select(amount) === 'one' ? forms.one : forms.other}`;
}
