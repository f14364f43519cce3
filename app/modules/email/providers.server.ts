import { Resend } from 'resend';

export type OutgoingEmail = {
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
  ) {
    super(message);
  }
}

export type EmailProvider = {
  name: 'resend' | 'mailbox';
  send(email: OutgoingEmail): Promise<{ providerId: string | null }>;
};

/** The Resend SDK; `baseUrl` lets tests point the real SDK at a fake server on 127.0.0.1. */
export function resendProvider(apiKey: string, baseUrl?: string): EmailProvider {
  const resend = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  return {
    name: 'resend',
    async send(email) {
      const { data, error } = await resend.emails.send(
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
        const status = (error as { statusCode?: number | null }).statusCode ?? null;
        // The SDK reports network failures as errors without a status; those may pass next time.
        const retryable = status === null || status === 429 || status >= 500 || error.name === 'application_error';
        throw new ProviderError(`${error.name}${status ? ` (${status})` : ''}: ${error.message}`, retryable);
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
};
