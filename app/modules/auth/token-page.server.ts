import { data } from '@remix-run/node';
import { getDb } from '~db/client.server';
import type { TokenPurpose } from '~db/schema';
import { checkToken, type TokenCheck } from './tokens.server';
import { linkProblemStatus } from '../http.server';

/**
 * What a page behind an emailed link shows on GET: nothing is used yet (mail scanners open links
 * too), only whether the link still works. Forged → 404, expired or used → 410.
 */
export async function loadTokenPage(token: string | undefined, purpose: TokenPurpose) {
  const check = await checkToken(getDb(), token ?? '', purpose);
  return check.ok ? { problem: null } : data({ problem: check.problem }, { status: linkProblemStatus(check.problem) });
}

/** The answer of an action whose token could not be used. */
export function tokenProblemResponse(result: Extract<TokenCheck, { ok: false }>) {
  return data({ problem: result.problem }, { status: linkProblemStatus(result.problem) });
}
