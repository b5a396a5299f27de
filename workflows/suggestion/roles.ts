// Who may act on a case. The API authenticates; the workflow decides what that person may do here.
import type { Actor } from '../../schema/commands';
import type { Assignment, CaseState } from '../../schema/case';
import { require_ } from './refuse';

export function active(state: CaseState): Assignment[] {
  return state.assignments.filter((a) => a.status !== 'returned');
}

/** Units that owe the deputy a reply: the lead (single or lead + co-handlers) or every separate handler. */
export function replying(state: CaseState): Assignment[] {
  return active(state).filter((a) => a.role !== 'co');
}

export function mustBeSecretariat(actor: Actor): void {
  require_(actor.role === 'secretariat', 'forbidden', '仅秘书处（代表工作机构）可执行此操作', 'only the secretariat may do this');
}

export function mustBeLeadDeputy(state: CaseState, actor: Actor): void {
  require_(actor.role === 'deputy' && actor.deputyId === state.leadDeputyId, 'forbidden',
    '仅领衔代表可执行此操作', 'only the lead deputy may do this');
}

export function unitOf(state: CaseState, actor: Actor): Assignment {
  require_(actor.role === 'unit' && !!actor.unitId, 'forbidden', '仅承办单位可执行此操作', 'only a handling unit may do this');
  const a = active(state).find((x) => x.unitId === actor.unitId);
  require_(a, 'forbidden', '本单位未承办此建议', 'this suggestion is not assigned to your unit');
  return a;
}

export function isParticipant(state: CaseState, actor: Actor): boolean {
  if (actor.role === 'secretariat') return true;
  if (actor.role === 'deputy') {
    return actor.deputyId === state.leadDeputyId || state.cosigners.some((c) => c.deputyId === actor.deputyId && c.status === 'confirmed');
  }
  if (actor.role === 'unit') return active(state).some((a) => a.unitId === actor.unitId);
  return false;
}
