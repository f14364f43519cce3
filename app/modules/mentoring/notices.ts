import type { MessageKey } from '~/i18n';

/** The `?melding=` values the match pages redirect to after a change, and their messages. */
export const notices: Record<string, MessageKey> = {
  ja: 'matches.notice.accepted',
  nee: 'matches.notice.declined',
  afspraak: 'matches.notice.checkIn',
  gestopt: 'matches.notice.ended',
  'niet-mogelijk': 'matches.notice.notPossible',
};
