// English: the certificate of participation in a course, and the page that shows whether one is genuine.
import type { nl } from './certificates.nl';
import type { Translation } from '../types';

export const en: Translation<typeof nl> = {
  'certificates.form.minimum': 'Certificate of participation from',
  'certificates.form.minimumHint':
    'The number of sessions someone must attend to get a certificate of participation. Empty: all sessions but one (with one session: that one).',
  'certificates.download': 'Certificate of participation (PDF)',
  'certificates.downloadFor': 'Download the certificate of participation for {course} (PDF)',
  'certificates.manage.heading': 'Certificate of participation',
  'certificates.manage.body': 'You attended enough sessions. You can download your certificate of participation here.',
  'certificates.verify.title': 'Check a certificate of participation',
  'certificates.verify.valid': 'This certificate of participation is genuine',
  'certificates.verify.validBody': 'Politiek Actief issued this certificate. It says:',
  'certificates.verify.withdrawn': 'This certificate of participation has been withdrawn',
  'certificates.verify.withdrawnBody':
    'This certificate was genuine, but the organisation withdrew it on {date}. It no longer counts as a certificate of participation.',
  'certificates.verify.unknown': 'We do not know this certificate of participation',
  'certificates.verify.unknownBody':
    'There is no certificate of participation with this code. Check that you copied the link or the code correctly. If the code is correct, the certificate was not issued by Politiek Actief.',
  'certificates.verify.tooMany': 'You have checked too many codes',
  'certificates.verify.holder': 'Initials',
  'certificates.verify.course': 'Course',
  'certificates.verify.dates': 'Date',
  'certificates.verify.organisation': 'Organisation',
  'certificates.verify.issued': 'Issued on',
  'certificates.verify.privacy': 'To protect the participant’s privacy, we show only their initials.',
} as const;
