// One attempt at one e-mail or webhook delivery. The attempt is recorded (status sending,
// attempts + 1) before anything leaves, and the outcome right after, so the row always tells an
// administrator where the delivery stands. What is guaranteed:
//   • in-app: exactly once (written in the fan-out transaction, nothing to send);
//   • e-mail and webhooks: at least once, and at most once unless the worker dies in the instant
//     between the peer's acceptance and the commit of "sent". Then the row still says sending,
//     Temporal retries the attempt, and the copy carries the same Message-ID / X-Huying-Delivery,
//     so the receiver can drop it. A send the peer did not accept is simply made again.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { ApplicationFailure } from '@temporalio/common';
import * as t from '../../schema/tables';
import { deliveries, notificationPreferences, webhooks } from '../../schema/tables-delivery';
import type { Db } from '../db';
import type { DeliverResult } from './types';
import { backoffMs, type DeliveryConfig } from './config';
import { DIGEST_ZONE } from './digest';
import { SendError } from './errors';
import { emailOf } from './fanout';
import type { Mail, Mailer } from './mail';
import { postWebhook, type Notification } from './webhook';

type Delivery = typeof deliveries.$inferSelect;
const OPEN = ['pending', 'retrying', 'sending'];
const local = (d: Date, f: string) => DateTime.fromJSDate(d, { zone: DIGEST_ZONE }).toFormat(f);

export async function deliverOne(db: Db, cfg: DeliveryConfig, mailer: Mailer, id: string): Promise<DeliverResult> {
  const [row] = await db.select().from(deliveries).where(eq(deliveries.id, id));
  if (!row) throw ApplicationFailure.nonRetryable(`no delivery ${id}`, 'NotFound');
  // Already recorded (a retry after the outcome was written): nothing to do, nothing to send again.
  if (!OPEN.includes(row.status)) return { id, status: row.status };
  await db.update(deliveries).set({ status: 'sending', attempts: sql`${deliveries.attempts} + 1`, lastAttemptAt: new Date() }).where(eq(deliveries.id, id));
  const attempt = row.attempts + 1;

  const send = await prepare(db, cfg, row);
  if ('skip' in send) return finish(db, row, send.skip, send.reason);
  try {
    await send.run(mailer);
  } catch (err) {
    if (!(err instanceof SendError)) throw err;
    const final = err.permanent || attempt >= cfg.retry.maxAttempts;
    const next = final ? null : new Date(Date.now() + backoffMs(cfg.retry, attempt));
    await db.update(deliveries).set({ status: final ? 'failed' : 'retrying', lastError: err.message, nextAttemptAt: next }).where(eq(deliveries.id, id));
    if (final && row.digestDate && !row.messageId) await settleDigestItems(db, id, 'failed');
    return { id, status: final ? 'failed' : 'retrying' };
  }
  return finish(db, row, 'sent');
}

async function finish(db: Db, row: Delivery, status: 'sent' | 'skipped', reason?: string): Promise<DeliverResult> {
  await db.transaction(async (tx) => {
    await tx.update(deliveries).set({ status, sentAt: status === 'sent' ? new Date() : null, lastError: reason ?? null, nextAttemptAt: null })
      .where(eq(deliveries.id, row.id));
    if (row.digestDate && !row.messageId) await settleDigestItems(tx as unknown as Db, row.id, status === 'sent' ? 'digested' : status);
  });
  return { id: row.id, status };
}

const settleDigestItems = (db: Db, digestId: string, status: string) =>
  db.update(deliveries).set({ status, sentAt: status === 'digested' ? new Date() : null }).where(and(eq(deliveries.digestId, digestId), eq(deliveries.status, 'digest')));

type Prepared = { run(mailer: Mailer): Promise<void> } | { skip: 'skipped'; reason: string };

async function prepare(db: Db, cfg: DeliveryConfig, row: Delivery): Promise<Prepared> {
  if (row.channel === 'webhook') {
    const [hook] = await db.select().from(webhooks).where(eq(webhooks.id, row.webhookId!));
    if (!hook || hook.deletedAt) return { skip: 'skipped', reason: 'Webhook 已删除 / the webhook was deleted' };
    const n = await notification(db, row.messageId!);
    return { run: () => postWebhook(hook, row.id, n, cfg.sendTimeoutMs) };
  }
  const [user] = await db.select({ displayName: t.users.displayName, email: t.users.email, disabled: t.users.disabled,
    emailEnabled: notificationPreferences.emailEnabled, prefEmail: notificationPreferences.email })
    .from(t.users).leftJoin(notificationPreferences, eq(notificationPreferences.userId, t.users.id)).where(eq(t.users.id, row.userId!));
  // The person's current wishes win over those at fan-out time: e-mail turned off means none goes.
  const to = user && !user.disabled ? emailOf(user) : null;
  if (!to) return { skip: 'skipped', reason: '用户已关闭邮件通知或没有邮箱 / e-mail turned off or no address' };
  const mail: Mail = row.messageId
    ? { deliveryId: row.id, to, toName: user.displayName, messageId: row.messageId, ...single(cfg, await notification(db, row.messageId)) }
    : { deliveryId: row.id, to, toName: user.displayName, ...(await digest(db, cfg, row, user.displayName)) };
  if (to !== row.address) await db.update(deliveries).set({ address: to }).where(eq(deliveries.id, row.id));
  return { run: (mailer) => mailer.send(mail) };
}

async function notification(db: Db, messageId: string): Promise<Notification> {
  const [m] = await db.select().from(t.outbox).where(eq(t.outbox.id, messageId));
  if (!m) throw ApplicationFailure.nonRetryable(`no outbox message ${messageId}`, 'NotFound');
  return m;
}

const footer = (cfg: DeliveryConfig) => `\n\n——\n此邮件由呼应（人大代表建议办理系统）自动发送，请勿直接回复。${cfg.publicUrl ? `\n登录系统查看详情：${cfg.publicUrl}` : ''}`;

function single(cfg: DeliveryConfig, n: Notification): { subject: string; text: string } {
  const due = n.dueAt ? `\n\n期限：${local(new Date(n.dueAt.getTime() - 1), 'yyyy年M月d日')}` : '';
  return { subject: n.subject, text: `${n.body}${due}${footer(cfg)}` };
}

async function digest(db: Db, cfg: DeliveryConfig, row: Delivery, name: string): Promise<{ subject: string; text: string }> {
  const items = await db.select({ subject: t.outbox.subject, body: t.outbox.body, at: deliveries.messageAt })
    .from(deliveries).innerJoin(t.outbox, eq(t.outbox.id, deliveries.messageId))
    .where(and(eq(deliveries.digestId, row.id), inArray(deliveries.status, ['digest', 'digested']))).orderBy(asc(deliveries.messageAt), asc(deliveries.id));
  const day = DateTime.fromISO(row.digestDate!, { zone: DIGEST_ZONE }).toFormat('yyyy年M月d日');
  const lines = items.map((m, i) => `${i + 1}. [${local(m.at, 'HH:mm')}] ${m.subject}\n   ${m.body.replace(/\n/g, '\n   ')}`);
  return {
    subject: `【每日汇总】${day}通知 ${items.length} 条`,
    text: `${name}：\n\n${day}（北京时间）您共收到 ${items.length} 条通知：\n\n${lines.join('\n\n')}${footer(cfg)}`,
  };
}
