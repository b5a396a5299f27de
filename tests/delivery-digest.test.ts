// Daily digests: one e-mail per person per Asia/Shanghai calendar day, sent after that day's
// midnight, holding exactly the messages created in [00:00, 24:00) of that day — checked at the
// second before and the instant of midnight, across month ends (Nov 30 → Dec 1, Feb 28 → Mar 1, and
// Feb 28 → Feb 29 in a leap year).
import { and, eq, isNull } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { deliveries } from '../schema/tables-delivery';
import { digestDateOf, digestDue, digestWindow } from '../activities/delivery/digest';
import { digestDeliveryId } from '../activities/delivery/ids';
import { ensureDispatcher } from '../activities/delivery/dispatcher-client';
import { harness, type Harness } from './support/harness';
import { startSmtp, type TestSmtp } from './support/smtp';
import { putMessage, seedPeople, settled, until } from './support/delivery';

const sh = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Shanghai' }).toJSDate();

describe('the window a message falls in', () => {
  test.each([
    ['2025-11-30T00:00:00', '2025-11-30'],
    ['2025-11-30T23:59:59.999', '2025-11-30'],
    ['2025-12-01T00:00:00', '2025-12-01'],
    ['2026-02-28T23:59:59', '2026-02-28'],
    ['2026-03-01T00:00:00', '2026-03-01'],
    ['2028-02-28T23:59:59', '2028-02-28'],
    ['2028-02-29T00:00:00', '2028-02-29'],
    ['2026-12-31T23:59:59', '2026-12-31'],
    ['2027-01-01T00:00:00', '2027-01-01'],
  ])('%s in Shanghai belongs to %s', (local, date) => {
    expect(digestDateOf(sh(local))).toBe(date);
  });

  test('16:00 UTC is midnight in Shanghai (UTC+8, no summer time)', () => {
    expect(digestDateOf(new Date('2025-11-30T15:59:59Z'))).toBe('2025-11-30');
    expect(digestDateOf(new Date('2025-11-30T16:00:00Z'))).toBe('2025-12-01');
  });

  test('a window runs from local midnight to the next, whatever the month\'s length', () => {
    expect(digestWindow('2026-02-28')).toEqual({ start: new Date('2026-02-27T16:00:00Z'), end: new Date('2026-02-28T16:00:00Z') });
    expect(digestWindow('2028-02-28').end).toEqual(sh('2028-02-29T00:00:00'));
    expect(digestWindow('2025-11-30').end).toEqual(sh('2025-12-01T00:00:00'));
  });

  test('a day\'s digest is due only after its midnight (and the grace period)', () => {
    expect(digestDue('2026-02-28', sh('2026-02-28T23:59:59'), 0)).toBe(false);
    expect(digestDue('2026-02-28', sh('2026-03-01T00:00:00'), 0)).toBe(true);
    expect(digestDue('2026-02-28', sh('2026-03-01T00:04:59'), 5 * 60_000)).toBe(false);
    expect(digestDue('2026-02-28', sh('2026-03-01T00:05:00'), 5 * 60_000)).toBe(true);
  });
});

describe('digests through the dispatcher and a real SMTP server', () => {
  let h: Harness;
  let smtp: TestSmtp;
  const saved = { ...process.env };

  beforeAll(async () => {
    smtp = await startSmtp();
    Object.assign(process.env, { HUYING_SMTP_URL: smtp.url, HUYING_MAIL_FROM: 'Huying <noreply@huying.test>' });
    h = await harness('dlvdigest', 'dev');
    await seedPeople(h.db.db, [
      { id: 'u-d1', role: 'deputy', deputyId: 'd1', email: 'd1@example.cn', digest: true },
      { id: 'u-d2', role: 'deputy', deputyId: 'd2', email: 'd2@example.cn' },
    ]);
    await ensureDispatcher(h.env.client, { taskQueue: h.taskQueue, options: { pollMs: 200 } });
  });
  afterAll(async () => {
    await h?.teardown();
    await smtp?.close();
    process.env = saved;
  });

  const mailsTo = (a: string) => smtp.received.filter((m) => m.rcptTo.includes(a));

  test('each past day gets one digest with exactly its own messages; today waits; the immediate reader gets each at once', async () => {
    const db = h.db.db;
    const at = {
      nov30Start: '2025-11-30T00:00:00', nov30End: '2025-11-30T23:59:59', dec1Start: '2025-12-01T00:00:00', dec1End: '2025-12-01T23:59:59.999',
      feb28End: '2026-02-28T23:59:59', mar1Start: '2026-03-01T00:00:00',
    };
    const msgs: Record<string, Awaited<ReturnType<typeof putMessage>>> = {};
    for (const [name, local] of Object.entries(at)) {
      msgs[name] = await putMessage(db, { recipientType: 'deputy', recipientId: 'd1', subject: `【测试】${name}`, body: `创建于北京时间 ${local}`, createdAt: sh(local) });
    }
    const today = await putMessage(db, { recipientType: 'deputy', recipientId: 'd1', subject: '【测试】today' });
    const other = await putMessage(db, { recipientType: 'deputy', recipientId: 'd2', subject: '【测试】immediate', createdAt: sh(at.nov30End) });

    await smtp.waitFor(5);
    await settled(db, [other.id]);
    await until('the four digests to be sent', async () => {
      const rows = await db.select().from(deliveries).where(and(eq(deliveries.userId, 'u-d1'), isNull(deliveries.messageId)));
      return rows.length === 4 && rows.every((r) => r.status === 'sent') && rows;
    });
    // A few more rounds of the dispatcher change nothing: one digest per day, today's still waiting.
    await new Promise((r) => setTimeout(r, 1500));

    const digests = mailsTo('d1@example.cn');
    const byDay = Object.fromEntries(digests.map((m) => [m.mail.subject, m.mail.text ?? '']));
    expect(Object.keys(byDay).sort()).toEqual([
      '【每日汇总】2025年11月30日通知 2 条', '【每日汇总】2025年12月1日通知 2 条', '【每日汇总】2026年2月28日通知 1 条', '【每日汇总】2026年3月1日通知 1 条',
    ]);
    const has = (subject: string, names: string[]) => {
      const text = byDay[subject];
      for (const name of Object.keys(at)) expect({ subject, name, in: text.includes(`【测试】${name}`) }).toEqual({ subject, name, in: names.includes(name) });
      expect(text).not.toContain('【测试】today');
    };
    has('【每日汇总】2025年11月30日通知 2 条', ['nov30Start', 'nov30End']);
    has('【每日汇总】2025年12月1日通知 2 条', ['dec1Start', 'dec1End']);
    has('【每日汇总】2026年2月28日通知 1 条', ['feb28End']);
    has('【每日汇总】2026年3月1日通知 1 条', ['mar1Start']);
    // In order of creation, local times shown.
    expect(byDay['【每日汇总】2025年11月30日通知 2 条'].indexOf('[00:00]')).toBeLessThan(byDay['【每日汇总】2025年11月30日通知 2 条'].indexOf('[23:59]'));
    expect(digests.map((m) => m.mail.messageId)).toEqual(expect.arrayContaining([`<${digestDeliveryId('u-d1', '2025-11-30')}@huying.test>`]));

    const items = await db.select().from(deliveries).where(and(eq(deliveries.userId, 'u-d1'), eq(deliveries.channel, 'email')));
    const item = (id: string) => items.find((r) => r.messageId === id)!;
    expect(item(msgs.nov30End.id)).toMatchObject({ status: 'digested', digestDate: '2025-11-30', digestId: digestDeliveryId('u-d1', '2025-11-30') });
    expect(item(msgs.dec1Start.id)).toMatchObject({ status: 'digested', digestDate: '2025-12-01' });
    expect(item(msgs.feb28End.id)).toMatchObject({ status: 'digested', digestDate: '2026-02-28' });
    expect(item(msgs.mar1Start.id)).toMatchObject({ status: 'digested', digestDate: '2026-03-01' });
    expect(item(today.id)).toMatchObject({ status: 'digest', digestDate: DateTime.now().setZone('Asia/Shanghai').toISODate(), digestId: null });

    expect(mailsTo('d2@example.cn').map((m) => m.mail.subject)).toEqual(['【测试】immediate']);
    expect(smtp.received).toHaveLength(5);
  });

  test('a message of a day whose digest already went goes alone, never in a second digest of that day', async () => {
    const db = h.db.db;
    const late = await putMessage(db, { recipientType: 'deputy', recipientId: 'd1', subject: '【测试】late', createdAt: sh('2025-11-30T12:00:00') });
    const [row] = await settled(db, [late.id]).then((rows) => rows.filter((r) => r.channel === 'email'));
    expect(row).toMatchObject({ status: 'sent', digestId: null });
    expect(mailsTo('d1@example.cn').filter((m) => m.mail.subject!.startsWith('【每日汇总】2025年11月30日'))).toHaveLength(1);
    expect(mailsTo('d1@example.cn').at(-1)!.mail.subject).toBe('【测试】late');
  });
});
