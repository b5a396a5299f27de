// OpenAPI description of the process-mining exports (api/routes/mining.ts).
import { json, V1, who, type Endpoint, type TagDef } from '../openapi-kit';
import { miningQuerySchema } from '../mining/source';

export const tags: TagDef[] = [
  { name: 'mining', zh: '流程挖掘导出', en: 'Process-mining exports',
    more: [
      'XES（IEEE 1849）：每件建议一条轨迹（concept:name 为建议 id），活动名为 BPMN 元素 id，org:resource 为承办单位或角色。',
      'OCEL 2.0 JSON：对象类型 suggestion、deputy、unit、reply、evaluation、committee；事件与对象的关系带限定词（lead、co-handler、separate handler、co-signer、lead deputy、supervising committee…）。',
      '按届次、承办单位和日期范围筛选，流式输出。默认不含代表姓名和联系方式；管理员可加 includePersonal=true，该导出记入审计日志。',
      'Streamed; filter by session, unit and date range. Personal data only for an admin who asks (includePersonal=true), and audited.',
    ].join('\n\n') },
];

export const endpoints: Endpoint[] = [
  { method: 'get', path: `${V1}/exports/xes`, tag: 'mining', id: 'exportXes', zh: '导出 XES 事件日志', en: 'Export an XES event log',
    who: who('secretariat', 'admin'), query: miningQuerySchema, ok: { file: 'xml', zh: 'XES（IEEE 1849）文件', en: 'an XES (IEEE 1849) file' } },
  { method: 'get', path: `${V1}/exports/ocel`, tag: 'mining', id: 'exportOcel', zh: '导出 OCEL 2.0 对象中心事件日志', en: 'Export an OCEL 2.0 object-centric event log',
    who: who('secretariat', 'admin'), query: miningQuerySchema,
    ok: { schema: json('{ objectTypes, eventTypes, objects, events }（OCEL 2.0 JSON）', 'OCEL 2.0 JSON') } },
];
