import type { SubmissionResult } from '@conform-to/react';

/** What the page's action answers to a refused form: which form (`intent`, `target`) and why. */
export type Answer = { intent: string; target: string | null; result?: SubmissionResult<string[]>; message?: string };
