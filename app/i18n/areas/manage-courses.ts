// Coordinators' course pages under /beheer/cursussen.
export const nl = {
  'manageCourses.title': 'Cursussen beheren',
} as const;

export const en: Record<keyof typeof nl, string> = {
  'manageCourses.title': 'Manage courses',
};
