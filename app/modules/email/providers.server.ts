import { Resend } from 'resend';

type OutgoingEmail = {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  attachments?: { filename: string; contentType: string; content: string }[];
  idempotencyKey: string;
};

/** A provider error says whether trying again later may help (network, 429, 5xx) or not (4xx). */
export class ProviderError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    /** How long the provider asked us to wait (429 Retry-After), in seconds. */
    readonly retryAfterSeconds: number | null = null,
    /** False when the provider surely did not send it (429, 4xx); true for 5xx and network errors. */
    readonly maybeSent: boolean = retryable,
  ) {
    super(message);
  }
}

/** Resend takes at most 100 messages per batch call, and no attachments in a batch. */
export const BATCH_LIMIT = 100;

export type EmailProvider = {
  name: 'resend' | 'mailbox';
  send(email: OutgoingEmail): Promise<{ providerId: string | null }>;
  /** Up to BATCH_LIMIT messages without attachments in one call, under one idempotency key. */
  sendBatch?(
    emails: Omit<OutgoingEmail, 'idempotencyKey' | 'attachments'>[],
    idempotencyKey: string,
  ): Promise<{ providerIds: (string | null)[] }>;
};

type SdkError = { name: string; message: string; statusCode?: number | null };

function providerError(error: SdkError, headers: Record<string, string> | null): ProviderError {
  const status = error.statusCode ?? null;
  // The SDK reports network failures as errors without a status; those may pass next time.
  const retryable = status === null || status === 429 || status >= 500 || error.name === 'application_error';
  const retryAfter = Number(headers?.['retry-after']);
  return new ProviderError(
    `${error.name}${status ? ` (${status})` : ''}: ${error.message}`,
    retryable,
    Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : null,
    retryable && status !== 429,
  );
}

/**
 * Waits while the provider asked for a pause (429 Retry-After), up to a minute: every send of this
 * process holds back, instead of each job finding out for itself.
 */
function pauser() {
  let until = 0;
  return {
    async wait() {
      const ms = until - Date.now();
      if (ms > 0) await new Promise((r) => setTimeout(r, Math.min(ms, 60_000)));
    },
    pause(error: ProviderError) {
      if (error.retryAfterSeconds !== null) until = Math.max(until, Date.now() + error.retryAfterSeconds * 1000);
    },
  };
}

/** The Resend SDK; `baseUrl` lets tests point the real SDK at a fake server on 127.0.0.1. */
export function resendProvider(apiKey: string, baseUrl?: string): EmailProvider {
  const resend = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  const pause = pauser();
  return {
    name: 'resend',
    async sendBatch(emails, idempotencyKey) {
      await pause.wait();
      const { data, error, headers } = await resend.batch.send(
        emails.map((email) => ({
          from: email.from,
          to: email.to,
          subject: email.subject,
          html: email.html,
          text: email.text,
          headers: email.headers,
        })),
        { idempotencyKey },
      );
      if (error) {
        const failure = providerError(error as SdkError, headers);
        pause.pause(failure);
        throw failure;
      }
      return { providerIds: emails.map((_e, i) => data?.data[i]?.id ?? null) };
    },
    async send(email) {
      await pause.wait();
      const { data, error, headers } = await resend.emails.send(
        {
          from: email.from,
          to: email.to,
          subject: email.subject,
          html: email.html,
          text: email.text,
          headers: email.headers,
          attachments: email.attachments,
        },
        { idempotencyKey: email.idempotencyKey },
      );
      if (error) {
        const failure = providerError(error as SdkError, headers);
        pause.pause(failure);
        throw failure;
      }
      return { providerId: data?.id ?? null };
    },
  };
}

/** Development and tests without a provider: the message stays in the database for /dev/mailbox. */
export const mailboxProvider: EmailProvider = {
  name: 'mailbox',
  async send() {
    return { providerId: null };
  },
  async sendBatch(emails) {
    return { providerIds: emails.map(() => null) };
  },
};
