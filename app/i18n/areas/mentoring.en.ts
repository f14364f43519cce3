// English: Mentoring pages (/mentoraat).
import type { nl } from './mentoring.nl';
import type { Translation } from '../types';

export const en: Translation<typeof nl> = {
  'mentoring.title': 'Mentoring',
  'mentoring.lead': 'An experienced council member, alderman or mayor helps you find your way in local politics for a few months.',
  'mentoring.who':
    'The mentor networks are mainly for women, people with a disability and practically educated people: groups that are under-represented on municipal councils today.',
  'mentoring.how':
    'You tell us what you want to learn and where you live. The network’s coordinator looks for a mentor who suits you. You meet a few times, in person or online.',
  'mentoring.courses': 'Meanwhile, see the courses',
  'mentoring.filter.heading': 'Networks near you',
  'mentoring.filter.municipality': 'Your municipality',
  'mentoring.filter.hint': 'Some networks are only for one province or municipality. Choose your municipality to see those too.',
  'mentoring.filter.choose': 'Choose your municipality',
  'mentoring.filter.submit': 'Show networks',
  'mentoring.list.heading': 'Networks where you can ask for a mentor now',
  'mentoring.list.for': 'Your municipality: {municipality}.',
  'mentoring.list.nationalOnly': 'You now see only the national networks. Choose your municipality to see networks in your region too.',
  'mentoring.list.count': { one: '1 network', other: '{count} networks' },
  'mentoring.list.pages': 'Pages of networks',
  'mentoring.list.firstPage': 'Go to the first page of networks',
  'mentoring.list.none': 'No network that suits you is open for applications right now. Please look again later, or take a course first.',
  'mentoring.card.for': 'For',
  'mentoring.card.organisation': 'Organisation',
  'mentoring.card.region': 'Region',
  'mentoring.card.period': 'Period',
  'mentoring.card.apply': 'Ask for a mentor at {network}',
  'mentoring.card.applied': 'You already applied here. See your application',
  'mentoring.anonymous': 'To ask for a mentor you log in with your account. No account yet? Then create one first.',
  'mentoring.myApplications': 'See my applications',
};
