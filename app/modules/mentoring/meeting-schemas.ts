import { z } from 'zod';
import type { Translate } from '~/i18n';
import { sharedNeedKinds } from '~db/schema/mentoring';

// The schemas of the meeting and shared-needs forms on a match page, importable in the browser
// (ADR 014). "Not in the past" needs the server's clock: the action checks it after parsing.

export const meetingDurations = ['30', '45', '60', '90', '120'] as const;

export function meetingSchema(t: Translate) {
  return (
    z
      .object({
        date: z.string({ error: t('meetings.errors.date') }).regex(/^\d{4}-\d{2}-\d{2}$/, t('meetings.errors.date')),
        time: z.string({ error: t('meetings.errors.time') }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, t('meetings.errors.time')),
        duration: z.enum(meetingDurations, { error: t('meetings.errors.duration') }),
        place: z
          .string()
          .trim()
          .max(300, t('meetings.errors.tooLong', { max: 300 }))
          .optional()
          .transform((v) => v ?? ''),
        videoUrl: z
          .string()
          .trim()
          .max(500, t('meetings.errors.tooLong', { max: 500 }))
          .refine((v) => v === '' || /^https:\/\/[^\s/]+\.[^\s]+$/i.test(v), t('meetings.errors.videoUrl'))
          .optional()
          .transform((v) => v ?? ''),
      })
      // Checked even when other fields are wrong (the summary lists every problem at once, ADR 014),
      // unless place or link itself is already refused.
      .refine((v) => Boolean(String(v.place ?? '').trim() || String(v.videoUrl ?? '').trim()), {
        path: ['place'],
        message: t('meetings.errors.where'),
        when: (payload) => !payload.issues.some((i) => i.path?.[0] === 'place' || i.path?.[0] === 'videoUrl'),
      })
  );
}
export type MeetingFields = z.input<ReturnType<typeof meetingSchema>>;
export type MeetingValues = z.output<ReturnType<typeof meetingSchema>>;

export function sharedNeedsSchema(t: Translate) {
  return z
    .object({
      needs: z
        .array(z.enum(sharedNeedKinds))
        .optional()
        .transform((v) => v ?? []),
      other: z
        .string()
        .trim()
        .max(1000, t('meetings.errors.tooLong', { max: 1000 }))
        .optional()
        .transform((v) => v ?? ''),
      consent: z.literal('on', { error: t('sharedNeeds.errors.consent') }),
    })
    .superRefine((v, ctx) => {
      if (v.needs.length === 0 && !v.other) ctx.addIssue({ code: 'custom', path: ['needs'], message: t('sharedNeeds.errors.nothing') });
    });
}
export type SharedNeedsFields = z.input<ReturnType<typeof sharedNeedsSchema>>;
