// Delivery settings, from the environment unless a caller (a test) hands its own.

export interface RetryPolicy {
  /** The wait after the first failed attempt; each further failure doubles it, up to maxMs. */
  initialMs: number;
  factor: number;
  maxMs: number;
  /** Attempts in all; the last failure marks the delivery failed. */
  maxAttempts: number;
}

export interface DeliveryConfig {
  /** smtp://user:pass@host:587 or smtps://…; unset: e-mail deliveries are recorded as not_configured. */
  smtpUrl?: string;
  /** The From header, e.g. `呼应 <noreply@example.gov.cn>`; its domain also names the Message-IDs. */
  mailFrom: string;
  /** Link to the console in e-mails, when set. */
  publicUrl?: string;
  retry: RetryPolicy;
  /** How long after local midnight a day's digest waits for messages stamped just before it. */
  digestGraceMs: number;
  /** Per attempt: connecting, and waiting for the peer's answer. */
  sendTimeoutMs: number;
}

const num = (v: string | undefined, d: number) => (v !== undefined && v !== '' && Number.isFinite(Number(v)) ? Number(v) : d);

export function deliveryConfigFromEnv(env = process.env): DeliveryConfig {
  return {
    smtpUrl: env.HUYING_SMTP_URL || env.SMTP_URL || undefined,
    mailFrom: env.HUYING_MAIL_FROM || '呼应 Huying <noreply@huying.local>',
    publicUrl: env.HUYING_PUBLIC_URL || undefined,
    retry: {
      initialMs: num(env.HUYING_DELIVERY_RETRY_MS, 5_000),
      factor: 2,
      maxMs: num(env.HUYING_DELIVERY_RETRY_MAX_MS, 3_600_000),
      maxAttempts: num(env.HUYING_DELIVERY_ATTEMPTS, 12),
    },
    digestGraceMs: num(env.HUYING_DIGEST_GRACE_MS, 5 * 60_000),
    sendTimeoutMs: num(env.HUYING_SEND_TIMEOUT_MS, 20_000),
  };
}

/** The wait before attempt n+1 after n failed attempts (n ≥ 1). */
export const backoffMs = (r: RetryPolicy, failedAttempts: number) => Math.min(r.maxMs, r.initialMs * r.factor ** Math.max(0, failedAttempts - 1));

export const mailDomain = (from: string) => /@([^\s>]+)/.exec(from)?.[1] ?? 'huying.local';
