// Refusals: a reason in Chinese and English, a stable code and the field it concerns.
// Thrown from validators, so an illegal command is rejected before anything is written.
import { ApplicationFailure } from '@temporalio/workflow';

export type RefusalCode = 'forbidden' | 'illegal_transition' | 'invalid_input' | 'not_found' | 'late' | 'unavailable';

export function refuse(code: RefusalCode, zh: string, en: string, field?: string): never {
  throw ApplicationFailure.create({
    type: code,
    message: `${zh} / ${en}`,
    nonRetryable: true,
    details: [{ code, zh, en, field }],
  });
}

export function require_(cond: unknown, code: RefusalCode, zh: string, en: string, field?: string): asserts cond {
  if (!cond) refuse(code, zh, en, field);
}
