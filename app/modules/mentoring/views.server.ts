import type { Locale, MessageKey, Translate } from '~/i18n';
import { mentorWording, slotWords, themeWords } from '../matching/scoring';
import { formatDate } from '../courses/format.server';
import { DAY } from '../clock.server';
import { firstName, type MatchContext } from './matches.server';

// What the match pages show, already in the reader's language. Built from a MatchContext, which holds
// no special-category data; contact details are added only where the caller says they may be shown.

const languageNames = new Map<Locale, Intl.DisplayNames>();
function languageWords(code: string, locale: Locale) {
  let names = languageNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale === 'nl' ? 'nl-NL' : 'en-GB'], { type: 'language' });
    languageNames.set(locale, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

function label(t: Translate, key: string, fallback: string) {
  const text = t(key as MessageKey);
  return text === key ? fallback : text;
}

/** The mentee as a mentor may see them before accepting: first name and the application's non-sensitive answers. */
export function menteeProfileView(ctx: MatchContext, locale: Locale, t: Translate) {
  const a = ctx.application;
  return {
    firstName: firstName(ctx.mentee.name),
    municipality: ctx.municipalityName ?? a.municipalityCode,
    themes: a.themes.map((x) => themeWords(x)[locale]),
    goals: a.goals.map((g) => label(t, `matches.goal.${g}`, g)),
    goalsText: a.goalsText,
    meetingModes: a.meetingModes.map((m) => label(t, `matches.mode.${m}`, m)),
    languages: a.languages.map((l) => languageWords(l, locale)),
    availability: a.availability.map((s) => slotWords(s)[locale]),
  };
}
export type MenteeProfileView = ReturnType<typeof menteeProfileView>;

/** A proposal for its mentor: who, why (in words written to the mentor), until when. */
export function proposalView(ctx: MatchContext, locale: Locale, t: Translate) {
  const m = ctx.match;
  return {
    id: m.id,
    status: m.status,
    networkName: ctx.network.name,
    score: m.score,
    // Written to the mentor ("Je bent raadslid …"), not to the mentee.
    reasons: m.reasons.map((r) => mentorWording(r)[locale]),
    answerBy: m.proposedAt ? formatDate(locale, new Date(m.proposedAt.getTime() + (ctx.network.proposalExpiryDays - 1) * DAY)) : null,
    mentee: menteeProfileView(ctx, locale, t),
  };
}
export type ProposalView = ReturnType<typeof proposalView>;

export type CheckInRow = { id: string; happenedOn: string; mode: string; note: string; authorName: string | null };

export function checkInRows(
  rows: { id: string; happenedOn: string; mode: string; note: string; authorName: string | null }[],
  locale: Locale,
  t: Translate,
): CheckInRow[] {
  return rows.map((r) => ({
    id: r.id,
    happenedOn: formatDate(locale, new Date(`${r.happenedOn}T12:00:00Z`)),
    mode: label(t, `matches.mode.${r.mode}`, r.mode),
    note: r.note,
    authorName: r.authorName,
  }));
}

export const dateText = (locale: Locale, date: Date | null) => (date ? formatDate(locale, date) : '');
