import type { MessageKey, PluralKey } from '~/i18n';

// The one notice scheme: after an action the server redirects (303) to `<page>?notice=<name>#notice`, where
// `<name>` is a dictionary key without its `notice.` prefix ("course.published"). The page's notice region
// (ui/notice.tsx) shows the message; a name that is not a notice in the dictionaries shows nothing, so no
// text from the address ever reaches the page. Numbers a message counts travel beside it
// (`&count=3`); names come from the page's own loader data (`noticeVars`), never from the address.

/** Every message that can be a notice: the dictionary keys under `notice.`. */
export type NoticeKey = Extract<MessageKey | PluralKey, `notice.${string}`>;

export const NOTICE_PARAM = 'notice';
/** The id of the notice, and the fragment the redirect points at. */
export const NOTICE_ID = 'notice';

/**
 * Sent on `document` when a submit is refused and the error summary takes focus. A refusal the
 * browser's own check makes sends nothing, so the address (and a `?notice=` of an earlier success)
 * stays: the notice region hides that old notice on this event until the next navigation.
 */
export const FORM_REFUSED_EVENT = 'pa:form-refused';

/** Notices that report a refusal or a change that could not be made: read as an alert, not a status. */
const warnings: ReadonlySet<NoticeKey> = new Set<NoticeKey>([
  'notice.match.notPossible',
  'notice.meeting.notPossible',
  'notice.registration.tooLate',
  'notice.course.alreadyCancelled',
  'notice.application.notPossible',
  'notice.pool.noSeat',
  'notice.pool.notPossible',
  'notice.academyApplication.notPossible',
  'notice.academyScore.notPossible',
  'notice.academySelection.undecided',
  'notice.academySelection.notPossible',
  'notice.placements.notPossible',
  'notice.placements.busy',
  'notice.placements.notDraft',
  'notice.academyProgramme.notPossible',
]);

export function noticeKind(key: NoticeKey): 'ok' | 'warning' {
  return warnings.has(key) ? 'warning' : 'ok';
}

/**
 * Sentences added to a notice when the address carries more numbers than its own count: "De wijzigingen
 * zijn opgeslagen. Deelnemers die een e-mail met de nieuwe gegevens krijgen: 3." Each is counted by its
 * number (`&told=3`) and left out when that is 0.
 */
export const noticeFollowUps: Partial<Record<NoticeKey, Readonly<Record<string, NoticeKey>>>> = {
  'notice.course.saved': { offered: 'notice.course.offered', told: 'notice.course.told' },
  'notice.course.sessionSaved': { told: 'notice.course.told' },
  'notice.course.sessionRemoved': { told: 'notice.course.told' },
  'notice.matchingRun.published': { skipped: 'notice.matchingRun.publishedSkipped' },
};

/** Whole numbers only, and not absurdly long: a count or a place on the waitlist. */
const NUMBER = /^\d{1,9}$/;

/**
 * The notice asked for by a page address, if `isKnown` says it is one, with the numbers the address
 * carries for it. `isKnown` checks the dictionary of the page's language.
 */
export function noticeFromSearch(
  search: URLSearchParams,
  isKnown: (key: string) => key is NoticeKey,
): { key: NoticeKey; vars: Record<string, number> } | null {
  const name = search.get(NOTICE_PARAM);
  if (!name || !/^[a-zA-Z][\w.-]{0,80}$/.test(name)) return null;
  const key = `notice.${name}`;
  if (!isKnown(key)) return null;
  const vars: Record<string, number> = {};
  for (const [param, value] of search) {
    if (param !== NOTICE_PARAM && /^[a-z]\w{0,30}$/i.test(param) && NUMBER.test(value)) vars[param] = Number(value);
  }
  return { key, vars };
}

/** The address of a page with a notice: `/path?notice=course.published&count=3#notice`. */
export function noticeHref(to: string, key: NoticeKey, vars: Record<string, number> = {}): string {
  const hashAt = to.indexOf('#');
  const bare = hashAt === -1 ? to : to.slice(0, hashAt);
  const queryAt = bare.indexOf('?');
  const path = queryAt === -1 ? bare : bare.slice(0, queryAt);
  const search = new URLSearchParams(queryAt === -1 ? '' : bare.slice(queryAt + 1));
  // A new notice replaces the old one and its numbers; Remix's own markers do not belong in a page address.
  for (const name of [NOTICE_PARAM, 'index', '_data', ...Object.keys(vars)]) search.delete(name);
  search.set(NOTICE_PARAM, key.slice('notice.'.length));
  for (const [name, value] of Object.entries(vars)) search.set(name, String(Math.trunc(value)));
  return `${path}?${search.toString()}#${NOTICE_ID}`;
}

/**
 * A form's action without the page's notice: a form without its own action posts to the page's address,
 * `?notice=…` included, and a refused submit would show the old notice ("Opgeslagen") above the error
 * summary. Every other part of the address stays as it is (a filter, a page, a step, Remix's `?index`).
 */
export function withoutNotice(href: string): string {
  const hashAt = href.indexOf('#');
  const bare = hashAt === -1 ? href : href.slice(0, hashAt);
  const queryAt = bare.indexOf('?');
  if (queryAt === -1) return href;
  const kept = bare
    .slice(queryAt + 1)
    .split('&')
    .filter((part) => part !== '' && decodeParam(part.split('=')[0]!) !== NOTICE_PARAM);
  return `${bare.slice(0, queryAt)}${kept.length ? `?${kept.join('&')}` : ''}${hashAt === -1 ? '' : href.slice(hashAt)}`;
}

function decodeParam(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}
