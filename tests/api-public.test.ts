// Published replies for anyone, without signing in: only items whose reply was published, with no
// deputy's name or contact details, and phone, ID card and e-mail numbers in the text masked.
import { apiHarness, type ApiHarness } from './support/api-harness';

let api: ApiHarness;
let published: string;
let second: string;
let unpublished: string;
const LETTER = '代表1代表：您提出的建议收悉。经办人联系电话13812345678，邮箱 li.si@example.gov.cn，'
  + '来信人身份证号110101199003071234。现答复如下：已在全市推广社区食堂。';

async function replied(title: string, body: string, categoryCode: string): Promise<string> {
  const { as } = api;
  const id = (await as.dep1.post('/api/v1/suggestions', { title, body: '正文：本人电话 13987654321', categoryCode, cosignerIds: ['d2'], submit: true })).body.id;
  const ok = async (who: keyof ApiHarness['as'], path: string, b: unknown) => {
    const r = await as[who].post(`/api/v1/suggestions/${id}${path}`, b);
    expect({ path, status: r.status, body: r.body }).toMatchObject({ status: 200 });
  };
  await ok('dep2', '/cosign', { agree: true });
  await ok('sec', '/review', { decision: 'accept' });
  await ok('sec', '/assignment', { mode: 'single', leadUnitId: 'MCA' });
  await ok('mca', '/acknowledge', {});
  await ok('mca', '/reply', { resultClass: 'B', body, signedBy: '张局长', commitments: '明年推广，咨询电话13700001111' });
  await ok('dep1', '/evaluation', { attitude: 'satisfied', result: 'satisfied' });
  return id;
}

beforeAll(async () => {
  api = await apiHarness('apipublic');
  published = await replied('关于发展社区食堂的建议', LETTER, 'SOC');
  await api.as.sec.post(`/api/v1/suggestions/${published}/disclosure`, { publish: true });
  second = await replied('关于改善校园周边交通的建议', '已增设信号灯。', 'EDU');
  await api.as.sec.post(`/api/v1/suggestions/${second}/disclosure`, { publish: true });
  unpublished = await replied('关于某企业经营困难的建议', '涉及商业秘密的答复。', 'ECO');
  await api.as.sec.post(`/api/v1/suggestions/${unpublished}/disclosure`, { publish: false, reason: 'trade_secret' });
});
afterAll(async () => { await api?.teardown(); });

test('anyone lists published replies, newest first, and nothing else', async () => {
  const r = await api.anonymous.get('/api/v1/public/replies');
  expect(r.status).toBe(200);
  expect(r.body.items.map((i: any) => i.id)).toEqual([second, published]);
  const item = r.body.items[1];
  expect(item).toMatchObject({ title: '关于发展社区食堂的建议', categoryCode: 'SOC', category: { nameZh: '社会保障和就业', nameEn: 'Social security and employment' }, resultClass: 'B', units: ['MCA 单位'] });
  expect(item.replies).toEqual([expect.objectContaining({ unit: 'MCA 单位', resultClass: 'B' })]);
  expect(typeof item.repliedAt).toBe('string');
});

test('the deputy\'s name and contact details never appear; numbers and addresses in the text are masked', async () => {
  const r = await api.anonymous.get(`/api/v1/public/replies/${published}`);
  expect(r.status).toBe(200);
  const [reply] = r.body.replies;
  expect(reply.body).toBe('×××代表：您提出的建议收悉。经办人联系电话138****5678，邮箱 l***@example.gov.cn，'
    + '来信人身份证号110***********1234。现答复如下：已在全市推广社区食堂。');
  expect(reply.commitments).toBe('明年推广，咨询电话137****1111');
  const text = JSON.stringify(r.body);
  for (const secret of ['13812345678', 'li.si@', '110101199003071234', '代表1', '代表2', 'leadDeputyId', '13987654321', '10100000000']) {
    expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });
  }
  expect(r.body).not.toHaveProperty('body');
});

test('an item that is not published is a 404, whether withheld, unknown or malformed', async () => {
  for (const id of [unpublished, 'npc14-000000000000', '../etc']) {
    const r = await api.anonymous.get(`/api/v1/public/replies/${encodeURIComponent(id)}`);
    expect({ id, status: r.status }).toEqual({ id, status: 404 });
  }
  expect((await api.anonymous.get('/api/v1/public/nothing-here')).status).toBe(404);
});

test('search by title and category, and page with a cursor', async () => {
  const byTitle = await api.anonymous.get(`/api/v1/public/replies?q=${encodeURIComponent('食堂')}`);
  expect(byTitle.body.items.map((i: any) => i.id)).toEqual([published]);
  expect((await api.anonymous.get('/api/v1/public/replies?categoryCode=EDU')).body.items.map((i: any) => i.id)).toEqual([second]);
  expect((await api.anonymous.get('/api/v1/public/replies?categoryCode=ECO')).body.items).toEqual([]);
  const first = await api.anonymous.get('/api/v1/public/replies?limit=1');
  expect(first.body.items.map((i: any) => i.id)).toEqual([second]);
  const next = await api.anonymous.get(`/api/v1/public/replies?limit=1&cursor=${first.body.nextCursor}`);
  expect(next.body.items.map((i: any) => i.id)).toEqual([published]);
  expect(next.body.nextCursor).toBeNull();
  expect((await api.anonymous.get('/api/v1/public/replies?limit=1000')).body.error).toMatchObject({ field: 'limit' });
});
