// OpenAPI description of the report routes (api/routes/reports.ts).
import { json, V1, who, type Endpoint, type TagDef } from '../openapi-kit';
import { committeeReportQuery, sessionReportQuery } from '../read/reports';

export const tags: TagDef[] = [
  { name: 'reports', zh: '年度统计与督办报告', en: 'Yearly figures and supervision reports',
    more: [
      '办理工作考核（按承办单位）：按时答复率＝按期首次答复÷已到期或已答复；联系率＝已联系代表÷主办（分办）件数；满意率分首轮和最终（满意＋基本满意）÷已评价；解决率＝A类÷已答复；协办及时率；重新办理件数。',
      '办理情况报告：按来源、类别、承办单位类型计数，多单位承办占比，A/B/C/D 分类，满意度分布，重新办理，重点督办，承诺事项。',
      '专门委员会督办报告：本委员会重点建议的确定依据、督办领导、办理进度、督办意见和进展报告；委员会用户只能查看本委员会（其他委员会返回 404）。',
      'format=json（默认）、html（可打印 A4 页面）或 xlsx。 / format=json (default), html (printable A4) or xlsx.',
    ].join('\n\n') },
];

export const endpoints: Endpoint[] = [
  { method: 'get', path: `${V1}/reports/appraisal`, tag: 'reports', id: 'appraisalReport', zh: '办理工作考核（按承办单位）', en: 'Unit appraisal for a session',
    who: who('secretariat', 'admin'), query: sessionReportQuery, errors: [404],
    ok: { schema: json('{ session, generatedAt, units: [{ unitId, unit, onTimeRate, contactRate, firstRoundRate, finalRate, solvedRate, coTimeliness, rehandled, … }] }', 'indicators per unit'), zh: 'JSON；format=html 为页面，format=xlsx 为表格', en: 'JSON; a page for format=html, a workbook for format=xlsx' } },
  { method: 'get', path: `${V1}/reports/annual`, tag: 'reports', id: 'annualReport', zh: '代表建议办理情况报告（年度）', en: 'Annual handling report for a session',
    who: who('secretariat', 'admin'), query: sessionReportQuery, errors: [404],
    ok: { schema: json('{ session, total, bySource, byCategory, byUnitKind, multiUnitShare, resultClasses, satisfaction, rehandled, key, commitments, … }', 'the report\'s counts'), zh: 'JSON；format=html 为页面，format=xlsx 为表格', en: 'JSON; a page for format=html, a workbook for format=xlsx' } },
  { method: 'get', path: `${V1}/reports/committee`, tag: 'reports', id: 'committeeReport', zh: '专门委员会重点建议督办报告', en: "A committee's supervision report on its key suggestions",
    who: who('committee', 'secretariat', 'admin'), query: committeeReportQuery, errors: [404, 422],
    ok: { schema: json('{ committee, summary, items: [{ number, title, decision, supervisingLeader, governmentLeader, units, status, notes, progressReports, … }] }', 'key items with notes and progress reports'), zh: 'JSON；format=html 为页面，format=xlsx 为表格', en: 'JSON; a page for format=html, a workbook for format=xlsx' } },
];
