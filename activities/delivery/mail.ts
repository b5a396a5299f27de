// E-mail over SMTP with nodemailer. Every message carries a Message-ID derived from its delivery
// id, so a copy sent again after a crash is recognisably the same message.
import nodemailer, { type Transporter } from 'nodemailer';
import { mailDomain, type DeliveryConfig } from './config';
import { SendError } from './errors';
import { messageIdHeader } from './ids';

export interface Mail {
  deliveryId: string;
  to: string;
  toName?: string;
  subject: string;
  text: string;
  /** The outbox message, for receivers that thread or de-duplicate on it. */
  messageId?: string;
}

export class Mailer {
  private transport?: Transporter;
  constructor(private readonly cfg: DeliveryConfig) {}

  get configured(): boolean {
    return !!this.cfg.smtpUrl;
  }

  async send(m: Mail): Promise<void> {
    if (!this.cfg.smtpUrl) throw new SendError('未配置邮件服务器 / no SMTP server configured', true);
    const t = this.cfg.sendTimeoutMs;
    // One connection per message: a pooled connection the server dropped while idle would fail the next send.
    this.transport ??= nodemailer.createTransport({ url: this.cfg.smtpUrl, connectionTimeout: t, greetingTimeout: t, socketTimeout: t } as never);
    try {
      await this.transport.sendMail({
        from: this.cfg.mailFrom,
        to: m.toName ? { name: m.toName, address: m.to } : m.to,
        subject: m.subject,
        text: m.text,
        messageId: messageIdHeader(m.deliveryId, mailDomain(this.cfg.mailFrom)),
        headers: { 'X-Huying-Delivery': m.deliveryId, ...(m.messageId ? { 'X-Huying-Message': m.messageId } : {}) },
      });
    } catch (err) {
      throw classify(err as Error & { responseCode?: number; code?: string });
    }
  }

  close(): void {
    this.transport?.close();
    this.transport = undefined;
  }
}

/** A 5xx answer to the envelope or the message is final; connection, authentication and 4xx trouble may pass. */
function classify(err: Error & { responseCode?: number; code?: string }): SendError {
  const code = err.responseCode;
  const permanent = code !== undefined && code >= 500 && code < 600 && (err.code === 'EENVELOPE' || err.code === 'EMESSAGE');
  return new SendError(`SMTP ${code ?? err.code ?? ''} ${err.message}`.trim().slice(0, 500), permanent);
}
