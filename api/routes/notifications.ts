// Everyone's own notifications: the in-app inbox, the unread count, marking read, and the
// channels and rhythm each person wants (e-mail on or off, immediately or as a daily digest).
import { Router } from 'express';
import { z } from 'zod';
import type { Deps } from '../context';
import { audit } from '../audit';
import { parse } from '../read/input';
import {
  getPreferences, listNotifications, markAllRead, markRead, notificationsQuery, preferencesBody, putPreferences, unreadCount,
} from '../read/notifications';

const noQuery = z.object({}).strict();
export const notificationId = z.object({ id: z.string().min(1).max(100).regex(/^[\w-]+$/, '通知编号格式不正确 / malformed notification id') });

export function notificationRoutes(deps: Deps): Router {
  const r = Router();
  const { db } = deps;

  r.get('/notifications', async (req, res) => {
    res.json(await listNotifications(db, req.auth!.user, parse(notificationsQuery, req.query)));
  });
  r.get('/notifications/unread-count', async (req, res) => {
    parse(noQuery, req.query);
    res.json({ unread: await unreadCount(db, req.auth!.user) });
  });
  r.post('/notifications/read-all', async (req, res) => {
    res.json(await markAllRead(db, req.auth!.user));
  });
  r.get('/notifications/preferences', async (req, res) => {
    parse(noQuery, req.query);
    res.json(await getPreferences(db, req.auth!.user));
  });
  r.put('/notifications/preferences', async (req, res) => {
    const body = parse(preferencesBody, req.body ?? {});
    const { before, after } = await putPreferences(db, req.auth!.user, body);
    await audit(db, req, { action: 'notifications.preferences', target: req.auth!.user.id, outcome: 'ok', before, after });
    res.json(after);
  });
  r.post('/notifications/:id/read', async (req, res) => {
    const { id } = parse(notificationId, req.params);
    res.json(await markRead(db, req.auth!.user, id));
  });
  return r;
}
