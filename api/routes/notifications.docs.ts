// OpenAPI description of the notification routes (api/routes/notifications.ts, deliveries.ts).
import { z } from 'zod';
import { iso, V1, who, type Endpoint, type TagDef } from '../openapi-kit';
import { CHANNELS, DELIVERY_STATUSES, deliveriesQuery, notificationsQuery, preferencesBody } from '../read/notifications';
import { DELIVERY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../activities/delivery/webhook';
import { notificationId } from './notifications';
import { webhookBody, webhookId } from './deliveries';

export const tags: TagDef[] = [
  { name: 'notifications', zh: '通知', en: 'Notifications',
    more: '站内通知总是送达；邮件按个人设置即时发送或每日汇总（北京时间零点后发送前一天的全部通知）。 / In-app notifications always arrive; e-mail goes at once or as a daily digest (sent after midnight Asia/Shanghai with the whole previous day).' },
  { name: 'deliveries', zh: '通知投递与 Webhook', en: 'Deliveries and webhooks',
    more: [
      `每次投递都带请求头 ${DELIVERY_HEADER}（投递编号），邮件带相同来源的 Message-ID，接收方可据此去重。`,
      `通用 JSON Webhook：请求头 ${TIMESTAMP_HEADER} 为 Unix 秒，${SIGNATURE_HEADER} 为 "v1=" 加 HMAC-SHA256(密钥, "<时间戳>.<原始请求体>") 的十六进制；密钥只在创建时返回一次。`,
      '企业微信群机器人：{"msgtype":"markdown","markdown":{"content":…}}；钉钉群机器人：{"msgtype":"markdown","markdown":{"title","text"}}，填写“加签”密钥时附 timestamp 与 sign 参数。',
      `Every delivery carries ${DELIVERY_HEADER} (the delivery id); e-mails carry a Message-ID derived from it, so receivers can drop copies.`,
      `Generic JSON: ${TIMESTAMP_HEADER} holds Unix seconds, ${SIGNATURE_HEADER} is "v1=" + hex HMAC-SHA256(secret, "<timestamp>.<raw body>"); the secret is shown once, at creation.`,
    ].join('\n\n') },
];

const notification = z.object({
  id: z.string().meta({ description: '通知编号（用于标记已读）/ notification id (to mark it read)' }),
  messageId: z.string(), kind: z.string(), suggestionId: z.string().nullable(), subject: z.string(), body: z.string(),
  dueAt: iso().nullable(), createdAt: iso(), readAt: iso().nullable(), read: z.boolean(),
}).meta({ id: 'Notification' });

const preferences = z.object({
  inApp: z.literal(true).meta({ description: '站内通知总是开启 / in-app is always on' }),
  emailEnabled: z.boolean(), email: z.string().nullable(), accountEmail: z.string().nullable(),
  effectiveEmail: z.string().nullable().meta({ description: '实际接收邮件的地址；null 表示不发邮件 / where e-mail goes; null: none' }),
  mode: z.enum(['immediate', 'digest']), updatedAt: iso().nullable(),
}).meta({ id: 'NotificationPreferences' });

const delivery = z.object({
  id: z.string(), messageId: z.string().nullable(), kind: z.string().nullable(), subject: z.string().nullable(), channel: z.enum(CHANNELS),
  userId: z.string().nullable(), username: z.string().nullable(), webhookId: z.string().nullable(), recipientType: z.string(), recipientId: z.string(),
  address: z.string().nullable(), status: z.enum(DELIVERY_STATUSES), attempts: z.number().int(), lastError: z.string().nullable(),
  digestDate: z.string().nullable(), digestId: z.string().nullable(), messageAt: iso(), createdAt: iso(),
  lastAttemptAt: iso().nullable(), nextAttemptAt: iso().nullable(), sentAt: iso().nullable(), readAt: iso().nullable(),
}).meta({ id: 'Delivery' });

const webhook = z.object({
  id: z.string(), name: z.string(), recipientType: z.string(), recipientId: z.string(), format: z.string(),
  url: z.string().meta({ description: 'URL 中的密钥参数已遮盖 / with its key masked' }), signed: z.boolean(), createdBy: z.string().nullable(), createdAt: iso(),
}).meta({ id: 'Webhook' });

const all = who('deputy', 'unit', 'secretariat', 'committee', 'admin');
const N = `${V1}/notifications`;

export const endpoints: Endpoint[] = [
  { method: 'get', path: N, tag: 'notifications', id: 'listNotifications', zh: '我的通知（新的在前）', en: 'My notifications, newest first', who: all,
    query: notificationsQuery, ok: { schema: z.object({ items: z.array(notification), nextCursor: z.string().nullable(), unread: z.number().int() }) } },
  { method: 'get', path: `${N}/unread-count`, tag: 'notifications', id: 'unreadNotifications', zh: '未读通知数', en: 'How many are unread', who: all,
    ok: { schema: z.object({ unread: z.number().int() }) } },
  { method: 'post', path: `${N}/{id}/read`, tag: 'notifications', id: 'markNotificationRead', zh: '标记为已读', en: 'Mark one read', who: all, params: notificationId,
    ok: { schema: z.object({ id: z.string(), read: z.literal(true), readAt: iso(), unread: z.number().int() }) } },
  { method: 'post', path: `${N}/read-all`, tag: 'notifications', id: 'markAllNotificationsRead', zh: '全部标记为已读', en: 'Mark all read', who: all,
    ok: { schema: z.object({ marked: z.number().int(), unread: z.number().int() }) } },
  { method: 'get', path: `${N}/preferences`, tag: 'notifications', id: 'getNotificationPreferences', zh: '我的通知设置', en: 'My notification settings', who: all,
    ok: { schema: preferences } },
  { method: 'put', path: `${N}/preferences`, tag: 'notifications', id: 'setNotificationPreferences', zh: '修改通知设置', en: 'Change my notification settings', who: all,
    body: preferencesBody, ok: { schema: preferences } },

  { method: 'get', path: `${V1}/admin/deliveries`, tag: 'deliveries', id: 'listDeliveries', zh: '通知投递记录（状态、尝试次数、最后错误）', en: 'Deliveries: status, attempts, last error, times',
    who: who('admin'), query: deliveriesQuery,
    ok: { schema: z.object({ items: z.array(delivery), nextCursor: z.string().nullable(),
      counts: z.record(z.string(), z.number().int()).meta({ description: '同一筛选条件下（不含 status）各状态的数量 / counts per status under the same filters but status' }) }) } },
  { method: 'get', path: `${V1}/admin/webhooks`, tag: 'deliveries', id: 'listWebhooks', zh: 'Webhook 列表', en: 'Webhooks', who: who('admin'),
    ok: { schema: z.object({ items: z.array(webhook) }) } },
  { method: 'post', path: `${V1}/admin/webhooks`, tag: 'deliveries', id: 'createWebhook', zh: '为机构添加 Webhook 或群机器人', en: "Add a webhook or chat group bot for an organisation",
    who: who('admin'), body: webhookBody, idempotent: false,
    ok: { status: 201, schema: webhook.extend({ secret: z.string().optional().meta({ description: 'JSON Webhook 的签名密钥，只在此时返回一次 / the signing secret of a JSON webhook, shown this once only' }) }) } },
  { method: 'delete', path: `${V1}/admin/webhooks/{id}`, tag: 'deliveries', id: 'deleteWebhook', zh: '删除 Webhook（未发出的投递不再发送）', en: 'Delete a webhook (deliveries not yet sent are dropped)',
    who: who('admin'), params: webhookId, ok: { schema: z.object({ id: z.string(), deleted: z.literal(true) }) } },
];
