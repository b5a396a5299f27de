// Administrators: where every notification went (status, attempts, last error, times), and the
// webhooks through which an organisation's systems and chat groups hear what it hears.
import { randomBytes, randomUUID } from 'node:crypto';
import { Router } from 'express';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import * as t from '../../schema/tables';
import { webhooks } from '../../schema/tables-delivery';
import { WEBHOOK_FORMATS } from '../../activities/delivery/webhook';
import type { Deps } from '../context';
import { audit } from '../audit';
import { requireRole } from '../auth';
import { invalid, isStorable, notFound } from '../errors';
import { parse } from '../read/input';
import { deliveriesQuery, listDeliveries, listWebhooks, publicWebhook } from '../read/notifications';

const noQuery = z.object({}).strict();
const storable = (s: z.ZodString) => s.refine(isStorable, '含有不能使用的字符 / holds a character that cannot be used');

export const webhookBody = z.object({
  name: storable(z.string().trim().min(1).max(100)).meta({ description: '名称，如“民政部办公厅值班群” / a name for people' }),
  recipientType: z.enum(['unit', 'committee', 'secretariat']).meta({ description: '接收通知的机构类型 / the kind of organisation whose notices it receives' }),
  recipientId: storable(z.string().min(1).max(100)).optional().meta({ description: '承办单位或专门委员会编号；秘书处可省略 / the unit or committee id; omitted for the secretariat' }),
  format: z.enum(WEBHOOK_FORMATS).meta({ description: 'json：通用 JSON（HMAC-SHA256 签名）；wecom：企业微信群机器人；dingtalk：钉钉群机器人 / generic signed JSON, WeCom or DingTalk group bot' }),
  url: z.url({ protocol: /^https?$/, error: '应为 http(s) 地址 / expected an http(s) URL' }).max(2000),
  secret: storable(z.string().min(8).max(200)).optional().meta({ description: '仅钉钉：机器人“加签”密钥 / DingTalk only: the bot\'s signing secret' }),
}).strict().refine((b) => b.recipientType === 'secretariat' || !!b.recipientId, { path: ['recipientId'], message: '承办单位和专门委员会须指定编号 / required for a unit or committee' })
  .refine((b) => b.format === 'dingtalk' || b.secret === undefined, { path: ['secret'], message: '只有钉钉机器人需要填写密钥；JSON Webhook 的密钥由系统生成 / only a DingTalk bot takes a secret; a JSON webhook\'s is generated' });

export const webhookId = z.object({ id: z.string().min(1).max(100).regex(/^[\w-]+$/, '编号格式不正确 / malformed id') });

export function deliveryRoutes(deps: Deps): Router {
  const r = Router();
  const { db } = deps;
  const admin = requireRole('admin');

  r.get('/admin/deliveries', admin, async (req, res) => {
    res.json(await listDeliveries(db, req.auth!.user.congressId, parse(deliveriesQuery, req.query)));
  });

  r.get('/admin/webhooks', admin, async (req, res) => {
    parse(noQuery, req.query);
    res.json(await listWebhooks(db, req.auth!.user.congressId));
  });

  r.post('/admin/webhooks', admin, async (req, res) => {
    // The idempotency store would keep the answer, and so the secret, in clear text.
    if (req.get('idempotency-key')) throw invalid('Idempotency-Key', '创建 Webhook 不接受 Idempotency-Key', 'webhook creation does not take an Idempotency-Key');
    const body = parse(webhookBody, req.body ?? {});
    const user = req.auth!.user;
    const recipientId = body.recipientType === 'secretariat' ? user.congressId : body.recipientId!;
    if (body.recipientType === 'secretariat' && body.recipientId && body.recipientId !== user.congressId) {
      throw invalid('recipientId', '秘书处 Webhook 只能接收本级人大的通知', 'a secretariat webhook receives its own congress\'s notices');
    }
    if (body.recipientType !== 'secretariat' && !(await organisationExists(body.recipientType, recipientId, user.congressId))) {
      throw invalid('recipientId', body.recipientType === 'unit' ? '承办单位不存在' : '专门委员会不存在', `no such ${body.recipientType}`);
    }
    const secret = body.format === 'json' ? `whsec_${randomBytes(24).toString('base64url')}` : body.secret ?? null;
    const [row] = await db.insert(webhooks).values({
      id: `wh_${randomUUID().replace(/-/g, '')}`, congressId: user.congressId, name: body.name, recipientType: body.recipientType, recipientId,
      format: body.format, url: body.url, secret, createdBy: user.id,
    }).returning();
    const shown = publicWebhook(row);
    await audit(db, req, { action: 'webhook.create', target: row.id, outcome: 'ok', after: shown });
    res.status(201).json({ ...shown, ...(body.format === 'json' ? { secret } : {}) });
  });

  r.delete('/admin/webhooks/:id', admin, async (req, res) => {
    const { id } = parse(webhookId, req.params);
    const w = webhooks;
    const [row] = await db.update(w).set({ deletedAt: new Date() })
      .where(and(eq(w.id, id), eq(w.congressId, req.auth!.user.congressId), isNull(w.deletedAt))).returning();
    if (!row) throw notFound('Webhook', 'webhook');
    await audit(db, req, { action: 'webhook.delete', target: id, outcome: 'ok', before: publicWebhook(row) });
    res.json({ id, deleted: true });
  });

  async function organisationExists(type: 'unit' | 'committee', id: string, congressId: string): Promise<boolean> {
    const table = type === 'unit' ? t.handlingUnits : t.committees;
    const [row] = await db.select({ id: table.id }).from(table).where(and(eq(table.id, id), eq(table.congressId, congressId)));
    return !!row;
  }
  return r;
}
