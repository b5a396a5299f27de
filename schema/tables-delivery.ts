// Notification delivery: what each person wants, the webhooks an admin configured, and one row per
// (message × user or endpoint × channel) recording whether and when it went out.
import { boolean, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A user without a row here gets the defaults: e-mail on (to users.email), sent immediately. */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: text('user_id').primaryKey(),
  emailEnabled: boolean('email_enabled').notNull().default(true),
  /** Overrides users.email; null means "use the account's address". */
  email: text('email'),
  mode: text('mode').notNull().default('immediate'), // immediate | digest
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** An organisation's endpoint: a signed JSON webhook or a chat group bot (WeCom, DingTalk). */
export const webhooks = pgTable('webhooks', {
  id: text('id').primaryKey(),
  congressId: text('congress_id').notNull(),
  name: text('name').notNull(),
  recipientType: text('recipient_type').notNull(), // unit | committee | secretariat
  recipientId: text('recipient_id').notNull(), // for the secretariat, the congress id
  format: text('format').notNull(), // json | wecom | dingtalk
  url: text('url').notNull(),
  /** json: the HMAC key; dingtalk: the bot's 加签 secret, if it uses one; never sent back after creation. */
  secret: text('secret'),
  createdBy: text('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  // Deleted endpoints stay, so their past deliveries still name them.
  deletedAt: ts('deleted_at'),
}, (t) => [index('webhooks_recipient').on(t.congressId, t.recipientType, t.recipientId)]);

/**
 * One row per delivery, its id derived from (message, user or endpoint, channel), so a retried
 * fan-out, a restarted worker or a replayed dispatcher finds the row instead of adding a second.
 * A daily digest is a delivery of its own (message_id null) that carries the rows naming it in digest_id.
 */
export const deliveries = pgTable('deliveries', {
  id: text('id').primaryKey(),
  congressId: text('congress_id').notNull(),
  messageId: text('message_id'), // outbox.id; null for a digest
  channel: text('channel').notNull(), // inapp | email | webhook
  userId: text('user_id'),
  webhookId: text('webhook_id'),
  recipientType: text('recipient_type').notNull(),
  recipientId: text('recipient_id').notNull(),
  address: text('address'), // e-mail address or webhook URL at the time of delivery
  // inapp: delivered. email/webhook: pending → sending → sent, or → retrying → … → failed;
  // not_configured (no SMTP), skipped (the user turned e-mail off before it went);
  // digest mode: digest (waiting for its day's digest) → digested.
  status: text('status').notNull(),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  digestDate: text('digest_date'), // YYYY-MM-DD, Asia/Shanghai
  digestId: text('digest_id'),
  /** The message's own creation instant: the order of the inbox and the digest window it falls in. */
  messageAt: ts('message_at').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  lastAttemptAt: ts('last_attempt_at'),
  /** After a failed attempt: not before this instant (exponential backoff). */
  nextAttemptAt: ts('next_attempt_at'),
  sentAt: ts('sent_at'),
  readAt: ts('read_at'),
}, (t) => [
  index('deliveries_inbox').on(t.userId, t.channel, t.messageAt, t.id),
  index('deliveries_status').on(t.status, t.channel),
  index('deliveries_digest').on(t.digestId),
  index('deliveries_admin').on(t.congressId, t.createdAt, t.id),
]);
