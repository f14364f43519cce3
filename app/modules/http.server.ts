import { getEnv } from '~/env.server';

// HTTP answers every capability shares. Guards throw these; modules otherwise return data, never a Response.

// isUuid lives in text.ts, so that schemas the browser runs can use it too.
export { isUuid } from '../modules/text';

/**
 * The 404 every guard throws. Coordinators' pages answer "this page does not exist" to everyone who may
 * not see them, so nobody learns whether a course or organisation exists.
 */
export function notFound() {
  return new Response('Not Found', { status: 404, statusText: 'Not Found' });
}

/** Why an emailed link (token) cannot be used. */
export type LinkProblem = 'invalid' | 'expired' | 'used';

/** The status of a page behind a link that cannot be used: a forged link is 404, an expired or used one 410 (Gone). */
export function linkProblemStatus(problem: LinkProblem) {
  return problem === 'invalid' ? 404 : 410;
}

/** An absolute link to a page of the site (for emails and feeds): `APP_URL` + path. */
export const appLink = (path: string) => `${getEnv().appUrl}${path}`;
