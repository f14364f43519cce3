import { z } from 'zod';

// The attendance form of one session: the people ticked as present (the rest were absent). Which of
// them are on the course is the server's to check (saveAttendance); there is nothing to ask in the
// browser, so the form has no check there. Its refusals (too early, course cancelled) are form errors.
export const attendanceSchema = z.object({ present: z.array(z.string().max(100)) });
export type AttendanceFields = z.input<typeof attendanceSchema>;
