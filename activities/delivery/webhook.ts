// Webhooks: a generic JSON one signed with HMAC-SHA256, and the markdown messages the group bots
// of WeCom (企业微信) and DingTalk (钉钉) accept. Every request carries X-Huying-Delivery, the
// delivery id, so a receiver can drop a copy sent again after a crash.
import { createHmac } from 'node:crypto';
import { DateTime } from 'luxon';
import { SendError } from './errors';
import { DIGEST_ZONE } from './digest';

export type WebhookFormat = 'json' | 'wecom' | 'dingtalk';
export const WEBHOOK_FORMATS = ['json', 'wecom', 'dingtalk'] as const;

export const DELIVERY_HEADER = 'X-Huying-Delivery';
export const TIMESTAMP_HEADER = 'X-Huying-Timestamp';
export const SIGNATURE_HEADER = 'X-Huying-Signature';

export interface Notification {
  id: string; kind: string; congressId: string; suggestionId: string | null; recipientType: string; recipientId: string;
  subject: string; body: string; dueAt: Date | null; createdAt: Date;
}

/** `v1=` + hex HMAC-SHA256 over `<timestamp>.<raw body>` with the webhook's secret. */
export const signature = (secret: string, timestamp: string, body: string) =>
  `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

const localTime = (d: Date) => DateTime.fromJSDate(d, { zone: DIGEST_ZONE }).toFormat('yyyy-MM-dd HH:mm');
const quote = (text: string) => text.split('\n').map((l) => `> ${l}`).join('\n');

/** WeCom refuses markdown over 4096 bytes of UTF-8: cut on a character boundary, and say so. */
function fitBytes(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text;
  const tail = '\n……（内容过长，请登录系统查看全文）';
  let out = '';
  for (const ch of text) {
    if (Buffer.byteLength(out + ch) + Buffer.byteLength(tail) > max) break;
    out += ch;
  }
  return out + tail;
}

export function payload(format: WebhookFormat, deliveryId: string, n: Notification): unknown {
  const when = localTime(n.createdAt);
  switch (format) {
    case 'wecom':
      return { msgtype: 'markdown', markdown: { content: fitBytes(`**${n.subject}**\n${quote(n.body)}\n<font color="comment">${when}</font>`, 4096) } };
    case 'dingtalk':
      return { msgtype: 'markdown', markdown: { title: n.subject.slice(0, 64), text: `#### ${n.subject}\n\n${quote(n.body)}\n\n###### ${when}` } };
    default:
      return {
        id: deliveryId, type: 'notification',
        notification: {
          id: n.id, kind: n.kind, congressId: n.congressId, suggestionId: n.suggestionId,
          recipient: { type: n.recipientType, id: n.recipientId },
          subject: n.subject, body: n.body, dueAt: n.dueAt?.toISOString() ?? null, createdAt: n.createdAt.toISOString(),
        },
      };
  }
}

/** DingTalk's 加签: timestamp and sign (HMAC-SHA256 of `<ms>\n<secret>`, base64) in the query. */
function dingtalkUrl(url: string, secret: string, now: number): string {
  const sign = createHmac('sha256', secret).update(`${now}\n${secret}`).digest('base64');
  const u = new URL(url);
  u.searchParams.set('timestamp', String(now));
  u.searchParams.set('sign', sign);
  return u.toString();
}

export interface Endpoint { format: string; url: string; secret: string | null }

export async function postWebhook(e: Endpoint, deliveryId: string, n: Notification, timeoutMs: number): Promise<void> {
  const format = e.format as WebhookFormat;
  const body = JSON.stringify(payload(format, deliveryId, n));
  const now = Date.now();
  const timestamp = String(Math.floor(now / 1000));
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', [DELIVERY_HEADER]: deliveryId, [TIMESTAMP_HEADER]: timestamp };
  if (format === 'json' && e.secret) headers[SIGNATURE_HEADER] = signature(e.secret, timestamp, body);
  const url = format === 'dingtalk' && e.secret ? dingtalkUrl(e.url, e.secret, now) : e.url;
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    throw new SendError(`网络错误 / network error: ${String((err as Error).cause ?? (err as Error).message)}`.slice(0, 500), false);
  }
  const text = (await res.text().catch(() => '')).slice(0, 300);
  if (res.status < 200 || res.status >= 300) {
    // A redirect, 408 and 429 and any 5xx may pass; other 4xx mean the request itself is wrong.
    const permanent = res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429;
    throw new SendError(`HTTP ${res.status} ${text}`.trim(), permanent);
  }
  if (format !== 'json') botAnswer(format, text);
}

// Rate limits: WeCom 45009, DingTalk 130101 (and 410100 "too many requests" on newer gateways).
const BOT_RETRY = new Set([45009, 130101, 410100, -1]);

/** The bots answer HTTP 200 even when they refuse, with a non-zero errcode in the body. */
function botAnswer(format: WebhookFormat, text: string): void {
  let answer: { errcode?: number; errmsg?: string };
  try {
    answer = JSON.parse(text);
  } catch {
    throw new SendError(`${format}: 无法解析的应答 / unreadable answer: ${text}`, false);
  }
  if (answer.errcode === undefined || answer.errcode === 0) return;
  throw new SendError(`${format} errcode ${answer.errcode}: ${answer.errmsg ?? ''}`, !BOT_RETRY.has(answer.errcode));
}

/** A bot's URL carries its key (`?key=`, `?access_token=`): shown again only with the key masked. */
export function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '****';
    for (const [k, v] of u.searchParams) {
      if (/key|token|secret|sign/i.test(k)) u.searchParams.set(k, `${v.slice(0, 4)}****`);
    }
    return u.toString().replace(/%2A/g, '*');
  } catch {
    return '(invalid url)';
  }
}
