// A transaction over the case state: what one command or alarm changed, recorded as events and
// notices for the projection, plus the deadlines that must be (re)planned before it commits.
import type { Actor } from '../../schema/commands';
import type { CaseEvent, CaseState, Notice, RecipientType, Status, TrackRequest } from '../../schema/case';

export class Tx {
  readonly events: CaseEvent[] = [];
  readonly notices: Notice[] = [];
  readonly plans: TrackRequest[] = [];
  /** Signals to other cases (merging), sent once this change is committed. */
  readonly signals: { caseId: string; name: 'absorb' | 'mergedReply'; payload: unknown }[] = [];

  constructor(readonly state: CaseState, readonly actor: Pick<Actor, 'role' | 'id'>, readonly now: number) {}

  event(type: string, step: string, extra: Partial<Omit<CaseEvent, 'id' | 'seq' | 'type' | 'step' | 'actor' | 'at'>> = {}): CaseEvent {
    const seq = ++this.state.eventSeq;
    const e: CaseEvent = { id: `${this.state.id}:${seq}`, seq, type, step, actor: { role: this.actor.role, id: this.actor.id }, at: this.now, ...extra };
    this.events.push(e);
    this.state.step = step;
    return e;
  }

  /** Status changes always leave an event with before/after, so the timeline shows them. */
  setStatus(status: Status, type: string, step: string, extra: Partial<CaseEvent> = {}): void {
    const before = this.state.status;
    this.state.status = status;
    this.event(type, step, { ...extra, before: { status: before }, after: { status } });
  }

  notify(kind: string, recipientType: RecipientType, recipientId: string, data: Record<string, unknown> = {}, key?: string): void {
    const seq = this.state.eventSeq;
    this.notices.push({
      key: key ?? `${this.state.id}:${seq}:${kind}:${recipientType}:${recipientId}`,
      kind, recipientType, recipientId, data: { title: this.state.title, number: this.state.number, ...data },
    });
  }

  notifySecretariat(kind: string, data: Record<string, unknown> = {}, key?: string): void {
    this.notify(kind, 'secretariat', this.state.congressId, data, key);
  }

  /** The lead deputy and the co-signers who confirmed. */
  notifyDeputies(kind: string, data: Record<string, unknown> = {}): void {
    this.notify(kind, 'deputy', this.state.leadDeputyId, data);
    for (const c of this.state.cosigners) if (c.status === 'confirmed') this.notify(kind, 'deputy', c.deputyId, data);
  }

  signal(caseId: string, name: 'absorb' | 'mergedReply', payload: unknown): void {
    this.signals.push({ caseId, name, payload });
  }

  get changed(): boolean {
    return this.events.length > 0 || this.notices.length > 0 || this.plans.length > 0;
  }
}
