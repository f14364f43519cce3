// Public course pages: catalogue, course page, sign-up, the registration page behind a link.
export const nl = {
  'courses.title': 'Cursussen',
} as const;

export const en: Record<keyof typeof nl, string> = {
  'courses.title': 'Courses',
};
