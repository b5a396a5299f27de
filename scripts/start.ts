// `npm start`: the whole system on one machine — Temporal (embedded dev server unless
// TEMPORAL_ADDRESS is set), the database (PGlite under ./data unless DATABASE_URL is set), the
// worker, and demo cases at every stage on first start.
import { count } from 'drizzle-orm';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { CaseClient } from '../api/case-client';
import { openDatabase } from '../activities/db';
import { suggestions } from '../schema/tables';
import { STATUS_ZH, type Status } from '../schema/case';
import { drillProfile, nationalProfile } from '../schema/profile';
import { createWorker } from '../worker';
import { connectOrStartTemporal } from './temporal';
import { generateDemo } from './demo/generate';
import { loadReference } from './demo/reference';
import { driveAll, seedReference } from './demo/drive';
import { DEMO_PASSWORD, demoAccounts, seedAccounts } from './demo/accounts';
import { createApp } from '../api/app';
import { ensureDispatcher } from '../activities/delivery/dispatcher-client';
import { deliveryConfigFromEnv } from '../activities/delivery/config';
import { ensureBulletinSchedule, issueBulletins } from '../activities/bulletin/schedule';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};

async function main(): Promise<void> {
  const scale = (arg('scale') ?? process.env.HUYING_DEMO_SCALE ?? 'demo') as 'demo' | 'national';
  // A drill profile (deadlines in seconds) lets an operator watch reminders and chases fire live.
  const profile = (arg('profile') ?? process.env.HUYING_PROFILE) === 'drill' ? drillProfile : nationalProfile;
  console.log('呼应 Huying 正在启动 / starting…');
  // A fresh clone has no console build, and an edited web/ needs a new one.
  await (await import('./build-web.mjs')).ensureWebBuilt();
  const temporal = await connectOrStartTemporal();
  const database = await openDatabase();
  const native = await NativeConnection.connect(temporal.options);
  const worker = await createWorker({ connection: native, db: database.db, namespace: temporal.options.namespace });
  const running = worker.run();
  const client = new Client({ connection: await Connection.connect(temporal.options), namespace: temporal.options.namespace });
  const cases = new CaseClient(client);
  await ensureBulletinSchedule(client);
  await ensureDispatcher(client); // notifications: in-app, e-mail, webhooks

  const [{ n }] = await database.db.select({ n: count() }).from(suggestions);
  if (Number(n) === 0 && process.env.HUYING_DEMO !== 'off') {
    const ref = loadReference();
    const demo = generateDemo({ scale, now: Date.now(), reference: ref });
    await seedReference(database.db, ref, demo.deputies, profile);
    await seedAccounts(database.db, demoAccounts(demo.cases));
    console.log(`生成演示数据 / demo data: ${demo.cases.length} 件建议, ${demo.deputies.length} 名代表, ${ref.handlingUnits.length} 个承办单位`);
    const t0 = Date.now();
    const { failed } = await driveAll(cases, demo.cases, profile, 16, (done) => {
      if (done % 500 === 0 || done === demo.cases.length) process.stdout.write(`  ${done}/${demo.cases.length}\r`);
    });
    console.log(`\n演示案件已就绪 / demo cases ready in ${((Date.now() - t0) / 1000).toFixed(1)} s${failed.length ? `; ${failed.length} failed, e.g. ${failed[0].id}: ${failed[0].error}` : ''}`);
  }

  // This month's bulletin over whatever the database holds, so the first start shows one.
  const bulletins = await issueBulletins(client, { trigger: 'start' }).catch((err) => {
    console.warn(`月度通报生成失败 / bulletin failed: ${String(err?.message ?? err)}`);
    return [];
  });

  const port = Number(process.env.PORT ?? 3000);
  const log = { info: console.log, warn: console.warn, error: (o: object, m?: string) => console.error(m ?? '', o) };
  const server = createApp({ db: database.db, cases, temporal: client, log, secureCookies: process.env.HUYING_SECURE_COOKIES === 'true' })
    .listen(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => { server.once('listening', resolve); server.once('error', reject); });

  const byStatus = await database.db.select({ status: suggestions.status, n: count() }).from(suggestions).groupBy(suggestions.status);
  console.log('\n建议状态 / cases by status:');
  for (const r of byStatus) console.log(`  ${STATUS_ZH[r.status as Status] ?? r.status}\t${r.n}`);
  console.log(`\nTemporal: ${temporal.options.address}${temporal.uiUrl ? `   Web UI: ${temporal.uiUrl}` : ''}`);
  console.log(`控制台 / console: http://127.0.0.1:${port}/   公开答复 / published replies: http://127.0.0.1:${port}/public`);
  console.log(`API: http://127.0.0.1:${port}/api/v1   文档 / reference: http://127.0.0.1:${port}/api/docs`);
  console.log(`演示账号 / demo accounts (密码 / password ${DEMO_PASSWORD}): admin, mishu, daibiao1–3, unit-mca, unit-mof, unit-nhc, unit-moe, unit-ndrc, weiyuanhui`);
  for (const b of bulletins) {
    console.log(`月度通报 / monthly bulletin ${b.month}: http://127.0.0.1:${port}/api/v1/bulletins/${b.id}/html （以 mishu 登录后打开 / sign in as mishu first；${b.items} 件，逾期 ${b.overdue} 项）`);
  }
  console.log(`数据库 / database: ${database.kind === 'pglite' ? `PGlite (${process.env.HUYING_DATA_DIR ?? './data/pglite'})` : 'PostgreSQL (DATABASE_URL)'}`);
  const smtp = deliveryConfigFromEnv().smtpUrl;
  console.log(`邮件 / e-mail: ${smtp ? `SMTP ${new URL(smtp).host}` : '未配置，站内通知照常；设置 HUYING_SMTP_URL 与 HUYING_MAIL_FROM 后发送邮件 / not configured; in-app works, set HUYING_SMTP_URL and HUYING_MAIL_FROM to send e-mail'}`);
  console.log('按 Ctrl+C 停止 / press Ctrl+C to stop.');

  const stop = async () => {
    console.log('\n正在停止 / stopping…');
    server.close();
    worker.shutdown();
    await running.catch(() => undefined);
    await database.close();
    await temporal.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await running;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
