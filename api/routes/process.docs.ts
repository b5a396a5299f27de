// OpenAPI description of the process routes (api/routes/process.ts).
import { z } from 'zod';
import { iso, V1, type Endpoint, type TagDef } from '../openapi-kit';
import { caseIdParams } from './process';

export const tags: TagDef[] = [
  { name: 'process', zh: '办理流程（BPMN）', en: 'The process model (BPMN)',
    more: [
      '流程模型 bpmn/suggestion.bpmn 为 BPMN 2.0（含图形），可用任何 BPMN 建模工具打开；每条案件事件记录其所在的 BPMN 元素。',
      '单件建议的流程位置：已经过的元素、当前活动的元素、待触发的计时事件（提醒、催办、督办、期满）以及一致性检查结果（按模型的顺序流重放该件的记录路径，报告第一个不符的步骤）。',
      'The model opens in any BPMN modeler. Per case: the elements passed and active, pending timers, and whether its recorded path replays over the model.',
    ].join('\n\n') },
];

const element = z.string().meta({ description: 'BPMN 元素 id / a BPMN element id' });
export const caseProcessSchema = z.object({
  completed: z.array(element).meta({ description: '已记录的步骤（首次出现顺序） / recorded steps, in order of first occurrence' }),
  active: z.array(element).meta({ description: '当前持有令牌的元素 / elements holding a token now' }),
  timers: z.array(z.object({ elementId: element, dueAt: iso(), alarm: z.enum(['remind', 'chase', 'supervise', 'repeat', 'expire']), unitId: z.string().nullable() })),
  timersSource: z.enum(['workflow', 'none', 'unavailable']).meta({ description: '计时信息来源；unavailable 表示暂时无法询问案件 / where the timers came from; unavailable when the case could not be asked' }),
  conformance: z.object({
    ok: z.boolean(),
    deviation: z.object({ index: z.number().int(), step: element, unitId: z.string().optional(), reason: z.string(), expected: z.array(element) }).optional(),
  }),
});

export const endpoints: Endpoint[] = [
  { method: 'get', path: `${V1}/process/suggestion`, tag: 'process', id: 'processModel', zh: '建议办理流程模型（BPMN 2.0 XML）', en: 'The suggestion process model (BPMN 2.0 XML)',
    ok: { file: 'xml', zh: 'BPMN 2.0 XML，含图形信息', en: 'BPMN 2.0 XML with diagram interchange' } },
  { method: 'get', path: `${V1}/suggestions/{id}/process`, tag: 'process', id: 'caseProcess', zh: '单件建议在流程中的位置与一致性', en: "A case's position in the process and its conformance",
    params: caseIdParams, errors: [404], ok: { schema: caseProcessSchema } },
];
