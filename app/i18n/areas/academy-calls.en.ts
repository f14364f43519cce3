// English: an academy's call (/academies), applying to it, the reviewers and the selection (ADR 018).
import type { nl } from './academy-calls.nl';
import type { Translation } from '../types';

export const en: Translation<typeof nl> = {
  'academyApply.errors.motivation': 'Write why you want to take part.',
  'academyApply.errors.question': 'Answer this question.',
  'academyApply.errors.notAnOption': 'Choose one of the options.',
  'academyApply.errors.disabilityConsent': 'Give your consent if you want to share that you have a disability. Or untick disability.',
};
