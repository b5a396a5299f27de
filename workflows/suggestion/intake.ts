// Drafting, co-signing, withdrawal and review (domain.md §2, steps 1–2).
import { STEPS } from '../../schema/steps';
import type { CommandArgs, Actor } from '../../schema/commands';
import type { CaseState } from '../../schema/case';
import { refuse, require_ } from './refuse';
import { mustBeLeadDeputy, mustBeSecretariat } from './roles';
import { closeTracks, openTrack } from './tracks';
import type { Tx } from './tx';

const BEFORE_ASSIGNMENT = ['draft', 'cosigning', 'submitted', 'revising', 'accepted'];

export const intake = {
  editDraft: {
    check(s: CaseState, actor: Actor) {
      mustBeLeadDeputy(s, actor);
      require_(s.status === 'draft' || s.status === 'revising', 'illegal_transition',
        '只有草稿或退回修改的建议可以修改', 'only a draft or a returned suggestion can be edited');
    },
    apply(tx: Tx, a: CommandArgs<'editDraft'>) {
      const s = tx.state;
      Object.assign(s, { title: a.title, body: a.body, categoryCode: a.categoryCode, proposedUnitIds: a.proposedUnitIds });
      const keep = new Map(s.cosigners.map((c) => [c.deputyId, c]));
      s.cosigners = a.cosignerIds.filter((d) => d !== s.leadDeputyId)
        .map((d) => keep.get(d) ?? { deputyId: d, status: 'pending' as const });
      tx.event('draft_edited', STEPS.draft);
    },
  },
  submit: {
    check(s: CaseState, actor: Actor) {
      mustBeLeadDeputy(s, actor);
      require_(s.status === 'draft' || s.status === 'revising', 'illegal_transition',
        '该建议已提交', 'the suggestion has already been submitted');
    },
    apply(tx: Tx) {
      submit(tx);
    },
  },
  cosign: {
    check(s: CaseState, actor: Actor) {
      require_(s.status === 'cosigning', 'illegal_transition', '该建议不在附议确认阶段', 'the suggestion is not awaiting co-signers');
      require_(actor.role === 'deputy' && s.cosigners.some((c) => c.deputyId === actor.deputyId && c.status === 'pending'),
        'forbidden', '您不是待确认的联名代表', 'you are not a co-signer awaiting confirmation');
    },
    apply(tx: Tx, a: CommandArgs<'cosign'>, actor: Actor) {
      const c = tx.state.cosigners.find((x) => x.deputyId === actor.deputyId)!;
      c.status = a.agree ? 'confirmed' : 'declined';
      c.answeredAt = tx.now;
      tx.event(a.agree ? 'cosign_confirmed' : 'cosign_declined', STEPS.cosign, { data: { deputyId: c.deputyId, note: a.note } });
      if (!tx.state.cosigners.some((x) => x.status === 'pending')) toReview(tx);
    },
  },
  withdraw: {
    check(s: CaseState, actor: Actor) {
      mustBeLeadDeputy(s, actor);
      const open = s.profile.withdrawAfterAssignment
        ? !['withdrawn', 'rejected', 'converted', 'closed', 'merged'].includes(s.status)
        : BEFORE_ASSIGNMENT.includes(s.status);
      require_(open, 'illegal_transition', '交办后不能撤回该建议', 'a suggestion cannot be withdrawn after assignment');
    },
    apply(tx: Tx, a: CommandArgs<'withdraw'>) {
      const units = tx.state.assignments.filter((x) => x.status !== 'returned');
      tx.setStatus('withdrawn', 'withdrawn', STEPS.withdraw, { data: { reason: a.reason } });
      closeTracks(tx.state, () => true);
      tx.state.closedAt = tx.now;
      for (const u of units) tx.notify('withdrawn', 'unit', u.unitId, { reason: a.reason });
      if (tx.state.submittedAt) tx.notifySecretariat('withdrawn', { reason: a.reason });
    },
  },
  review: {
    check(s: CaseState, actor: Actor, a: CommandArgs<'review'>) {
      mustBeSecretariat(actor);
      require_(s.status === 'submitted', 'illegal_transition', '该建议不在待审核状态', 'the suggestion is not awaiting review');
      if (a.decision === 'merge') {
        require_(a.intoId !== s.id, 'invalid_input', '不能与自身并案', 'a suggestion cannot be merged into itself', 'intoId');
      }
    },
    apply(tx: Tx, a: CommandArgs<'review'>) {
      const s = tx.state;
      switch (a.decision) {
        case 'accept':
          if (a.categoryCode) s.categoryCode = a.categoryCode;
          accept(tx);
          return;
        case 'return':
          tx.setStatus('revising', 'returned_for_revision', STEPS.revise, { data: { reason: a.reason } });
          tx.notify('returned_for_revision', 'deputy', s.leadDeputyId, { reason: a.reason });
          return;
        case 'reject':
        case 'convert':
          tx.setStatus(a.decision === 'reject' ? 'rejected' : 'converted', a.decision === 'reject' ? 'rejected' : 'converted_to_letter',
            a.decision === 'reject' ? STEPS.reject : STEPS.convert, { data: { reason: a.reason } });
          s.closedAt = tx.now;
          closeTracks(s, () => true);
          tx.notifyDeputies(a.decision === 'reject' ? 'rejected' : 'converted', { reason: a.reason });
          return;
        case 'merge':
          s.mergedInto = a.intoId;
          tx.setStatus('merged', 'merged', STEPS.merge, { data: { intoId: a.intoId, reason: a.reason } });
          tx.notifyDeputies('merged', { intoId: a.intoId, reason: a.reason });
          tx.signal(a.intoId, 'absorb', { id: s.id, leadDeputyId: s.leadDeputyId });
          return;
        default:
          refuse('invalid_input', '未知的审核决定', 'unknown review decision', 'decision');
      }
    },
  },
};

export function submit(tx: Tx): void {
  const s = tx.state;
  s.submittedAt = tx.now;
  for (const c of s.cosigners) if (c.status !== 'confirmed') c.status = 'pending';
  if (s.cosigners.some((c) => c.status === 'pending')) {
    tx.setStatus('cosigning', 'submitted', STEPS.submit);
    for (const c of s.cosigners) if (c.status === 'pending') tx.notify('cosign_requested', 'deputy', c.deputyId);
  } else {
    tx.event('submitted', STEPS.submit);
    toReview(tx);
  }
}

function toReview(tx: Tx): void {
  tx.setStatus('submitted', 'awaiting_review', STEPS.review);
  tx.notifySecretariat('review_requested');
}

export function accept(tx: Tx): void {
  tx.state.acceptedAt = tx.now;
  tx.setStatus('accepted', 'accepted', STEPS.assign);
  openTrack(tx, { id: 'assign', kind: 'assignment', ladder: 'remind' });
  tx.notifyDeputies('accepted');
}
