import { z } from 'zod';
import type { Translate } from '~/i18n';

// "Move by hand" on the matching draft: the mentor chosen for one mentee. Whether that mentor still
// fits and has room is the server's to check (moveMentee); the browser only checks that one is chosen.
export const moveMenteeSchema = (t: Translate) => z.object({ mentorProfileId: z.uuid({ error: t('matchingRuns.move.choose') }) });
export type MoveMenteeFields = z.input<ReturnType<typeof moveMenteeSchema>>;
