import type { Locale, Translate } from '~/i18n';
import { checkInModes } from '~db/schema';
import { codeWords } from '../labels';
import { goalIds, mentorWording, slotWords, themeWords } from '../matching/scoring';
import { formatDate } from '../time';
import { DAY } from '../clock.server';
import { QUIET_AFTER_DAYS } from './due.server';
import { firstName } from '../text';
import { type MatchContext, type networkMatchesPage } from './matches.server';

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

/** The mentee as a mentor may see them before accepting: first name and the application's non-sensitive answers. */
function menteeProfileView(ctx: MatchContext, locale: Locale, t: Translate) {
  const a = ctx.application;
  return {
    firstName: firstName(ctx.mentee.name),
    municipality: ctx.municipalityName ?? a.municipalityCode,
    themes: a.themes.map((x) => themeWords(x)[locale]),
    goals: a.goals.map((goal) => codeWords(goalIds, goal, (g) => t(`matches.goal.${g}`))),
    goalsText: a.goalsText,
    meetingModes: a.meetingModes.map((mode) => codeWords(checkInModes, mode, (m) => t(`matches.mode.${m}`))),
    languages: a.languages.map((l) => languageWords(l, locale)),
    availability: a.availability.map((s) => slotWords(s)[locale]),
  };
}

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

export type CheckInRow = { id: string; happenedOn: string; mode: string; note: string; authorName: string | null };

export function checkInRows(
  rows: { id: string; happenedOn: string; mode: string; note: string; authorName: string | null }[],
  locale: Locale,
  t: Translate,
): CheckInRow[] {
  return rows.map((r) => ({
    id: r.id,
    happenedOn: formatDate(locale, new Date(`${r.happenedOn}T12:00:00Z`)),
    mode: codeWords(checkInModes, r.mode, (m) => t(`matches.mode.${m}`)),
    note: r.note,
    authorName: r.authorName,
  }));
}

export const dateText = (locale: Locale, date: Date | null) => (date ? formatDate(locale, date) : '');

/** One match of a network's matches page, as the coordinator's tables show it. */
type MatchRow = Awaited<ReturnType<typeof networkMatchesPage>>['rows'][number];

/** A proposal waiting for the mentor's answer; late once it waits `alertDays`. */
export function proposedMatchRow(r: MatchRow, locale: Locale, t: number, alertDays: number) {
  const days = r.match.proposedAt ? Math.floor((t - r.match.proposedAt.getTime()) / DAY) : 0;
  return {
    id: r.match.id,
    mentee: r.mentee.name,
    mentor: r.mentor.name,
    proposedOn: dateText(locale, r.match.proposedAt),
    days,
    late: days >= alertDays,
  };
}

/** An active match; quiet after QUIET_AFTER_DAYS without a check-in. */
export function activeMatchRow(r: MatchRow, locale: Locale, t: number) {
  const quietSince = (r.match.lastCheckInAt ?? r.match.acceptedAt ?? r.match.createdAt).getTime();
  const quietDays = Math.floor((t - quietSince) / DAY);
  return {
    id: r.match.id,
    mentee: r.mentee.name,
    mentor: r.mentor.name,
    since: dateText(locale, r.match.acceptedAt),
    lastCheckIn: r.lastCheckInOn ? dateText(locale, new Date(`${r.lastCheckInOn}T12:00:00Z`)) : null,
    quietWeeks: quietDays >= QUIET_AFTER_DAYS ? Math.floor(quietDays / 7) : null,
  };
}

/** A declined, expired or ended match, with its reason. */
export function finishedMatchRow(r: MatchRow, locale: Locale) {
  return {
    id: r.match.id,
    mentee: r.mentee.name,
    mentor: r.mentor.name,
    status: r.match.status,
    date: dateText(locale, r.match.endedAt ?? r.match.respondedAt ?? r.match.updatedAt),
    reason: r.match.status === 'declined' ? (r.match.declineReason ?? '') : (r.match.endReason ?? ''),
    endedBy: r.match.endedBy,
  };
}
