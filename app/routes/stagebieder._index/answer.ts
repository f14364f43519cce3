import type { SubmissionResult } from '@conform-to/react';

/** What the page's action answers to a refused form: which of its forms, and Conform's reply. */
export type Answer = { form: 'profile' | 'slot' | 'edit-slot' | 'decline'; result: SubmissionResult<string[]> };
