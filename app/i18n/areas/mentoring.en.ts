// English: Mentoring pages (/mentoraat).
import type { nl } from './mentoring.nl';

export const en: Record<keyof typeof nl, string> = {
  'mentoring.title': 'Mentoring',
  'mentoring.lead': 'An experienced council member, alderman or mayor helps you find your way in local politics for a few months.',
  'mentoring.who':
    'The mentor networks are mainly for women, people with a disability and practically educated people: groups that are under-represented on municipal councils today.',
  'mentoring.how':
    'You tell us what you want to learn and where you live. The network’s coordinator looks for a mentor who suits you. You meet a few times, in person or online.',
  'mentoring.soon':
    'Applying through this website will be possible soon. Did you take a Politiek Actief course? Then you will hear from us as soon as it is.',
  'mentoring.courses': 'Meanwhile, see the courses',
};
