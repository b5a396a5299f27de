// OpenAPI description of the bulletin routes (api/routes/bulletins.ts).
import { z } from 'zod';
import { iso, V1, who, type Endpoint, type TagDef } from '../openapi-kit';
import { bulletinIdParam, bulletinListQuery } from '../read/bulletins';
import { createBulletinSchema } from './bulletins';

export const tags: TagDef[] = [
  { name: 'bulletins', zh: '月度进度通报', en: 'Monthly progress bulletins',
    more: [
      '每月1日9时（北京时间）自动生成上月通报；秘书处也可随时生成本月（截至此刻）或补发过去某月（按该月月末时点，依据各事项的时间戳和办理事件）。同一月份重新生成会替换该月数据，通知按“月份+收件人”只发一次。',
      '可见范围：秘书处和管理员看全部；承办单位只看本单位的统计、逾期事项、排名和承办建议；代表只看本人领衔或联名建议的进度；专门委员会只看本委员会督办的重点建议。',
      '状态颜色：绿＝已办结且代表满意或基本满意；蓝＝正常推进；黄＝10天内到期未办或代表不满意待处理；红＝逾期。单位排名依次比较逾期件数（少者在前）、答复率、联系率、满意率、平均答复天数。',
      'On the 1st at 09:00 Asia/Shanghai the previous month is issued; the secretariat can issue this month (as of now) or backfill a past one (as of its end). Re-running a month replaces its figures; notices go once per month and recipient. Units, deputies and committees see only their own part.',
    ].join('\n\n') },
];

const change = z.object({ assigned: z.number(), replied: z.number(), overdue: z.number(), replyRate: z.number().nullable(), satisfactionRate: z.number().nullable(), avgDaysToReply: z.number().nullable() })
  .nullable().meta({ description: '较上月变化；上月无通报时为 null / change since the previous month, null without one' });
const satisfaction = z.object({ satisfied: z.number(), basicallySatisfied: z.number(), unsatisfied: z.number(), unevaluated: z.number(),
  rate: z.number().nullable().meta({ description: '(满意+基本满意)/已评价，百分比 / (satisfied + basically) / rated, percent' }) });
const colour = z.enum(['green', 'blue', 'yellow', 'red', 'none']);
const group = z.looseObject({ key: z.string(), name: z.string(), items: z.number(), replied: z.number(), overdue: z.number(), satisfaction, colour, change });
const unitRow = z.looseObject({ unitId: z.string(), unit: z.string(), assigned: z.number(), acknowledged: z.number(), contacted: z.number(), replied: z.number(),
  overdue: z.number(), extensionsRequested: z.number(), avgDaysToReply: z.number().nullable(), satisfaction, colour, rank: z.number().nullable(), change });
const overdueRow = z.object({ suggestionId: z.string(), number: z.string().nullable(), title: z.string(), unitId: z.string(), unit: z.string(), role: z.string(),
  deadline: z.enum(['firstContact', 'coHandlerOpinion', 'reply', 'rehandling']), dueAt: iso().nullable(), daysOverdue: z.number(),
  level: z.number().meta({ description: '0 已逾期，1 已催办，2 已督办 / 0 late, 1 chased, 2 supervised' }), isKey: z.boolean() });
const bulletin = z.object({
  id: z.string(), month: z.string(), asOf: iso(), generatedAt: iso(), trigger: z.enum(['schedule', 'api', 'start']),
  scope: z.enum(['all', 'unit', 'deputy', 'committee']).meta({ description: '调用者可见的部分 / the part the caller may see' }),
  figures: z.looseObject({
    overall: group.nullable(), units: z.array(unitRow), delegations: z.array(group), categories: z.array(group), overdue: z.array(overdueRow),
    ranking: z.array(z.looseObject({ rank: z.number(), unitId: z.string(), unit: z.string(), rankChange: z.number().nullable() })),
    committees: z.array(z.looseObject({ committeeId: z.string(), name: z.string(), items: z.number() })),
  }),
  items: z.array(z.looseObject({ id: z.string(), number: z.string().nullable(), title: z.string(), stage: z.string(), colour })).meta({
    description: '逐件进度（承办单位、代表、委员会可见其本人部分；秘书处为空，见逾期清单和下载）/ per-item progress for a unit, deputy or committee; empty for the secretariat' }),
  unitNames: z.record(z.string(), z.string()),
}).meta({ id: 'Bulletin' });

export const endpoints: Endpoint[] = [
  { method: 'get', path: `${V1}/bulletins`, tag: 'bulletins', id: 'listBulletins', zh: '月度通报列表（新的在前）', en: 'Monthly bulletins, newest first',
    query: bulletinListQuery, ok: { schema: z.object({ items: z.array(z.object({ id: z.string(), month: z.string(), asOf: iso(), trigger: z.string(), generatedAt: iso(), html: z.string(), xlsx: z.string() })) }) } },
  { method: 'post', path: `${V1}/bulletins`, tag: 'bulletins', id: 'issueBulletin', zh: '立即生成本月通报或补发过去某月', en: 'Issue this month\'s bulletin now, or backfill a past month',
    who: who('secretariat', 'admin'), body: createBulletinSchema, errors: [503],
    ok: { status: 201, schema: bulletin.extend({ notices: z.number().int().meta({ description: '本次新排入的通知数 / notices newly queued' }) }) } },
  { method: 'get', path: `${V1}/bulletins/{id}`, tag: 'bulletins', id: 'getBulletin', zh: '通报数据（按调用者可见范围）', en: 'A bulletin\'s figures (the caller\'s part)',
    params: bulletinIdParam, query: z.object({}).strict(), ok: { schema: bulletin } },
  { method: 'get', path: `${V1}/bulletins/{id}/html`, tag: 'bulletins', id: 'bulletinHtml', zh: '可打印的通报页面（A4）', en: 'The printable bulletin page (A4)',
    params: bulletinIdParam, query: z.object({}).strict(), ok: { file: 'html' } },
  { method: 'get', path: `${V1}/bulletins/{id}/xlsx`, tag: 'bulletins', id: 'bulletinXlsx', zh: '通报表格（每个层级一个工作表）', en: 'The bulletin as a workbook (one sheet per level)',
    params: bulletinIdParam, query: z.object({}).strict(), ok: { file: 'xlsx' } },
];
