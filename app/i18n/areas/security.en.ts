// English: password rules (ASVS 2.1) shared by the register, reset and change-password forms.
import type { nl } from './security.nl';
import type { Translation } from '../types';

export const en: Translation<typeof nl> = {
  'security.passwordTooShort': 'Choose a password of at least 12 characters.',
  'security.passwordTooLong': 'Choose a password of at most 128 characters.',
  'security.passwordCommon': 'This password is used a lot and is easy to guess. Choose another password.',
};
