// The one way the rest of the product talks to cases: start one, send it a command, read its state.
import { WithStartWorkflowOperation, WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';

const COMMAND_DEADLINE_MS = 30_000;
import { ApplicationFailure } from '@temporalio/common';
import { caseWorkflowId, TASK_QUEUE, type CaseInput, type CaseState, type CommandResult } from '../schema/case';
import type { Actor, CommandInput, CommandName } from '../schema/commands';
import { commandUpdates, ensureUpdate, stateQuery, suggestionWorkflow } from '../workflows/suggestion/workflow';

export interface Refusal { code: string; zh: string; en: string; field?: string }

/** A command the case refused: carries the workflow's reason for the API's 409/422/403. */
export class CommandRefused extends Error {
  constructor(readonly refusal: Refusal) {
    super(`${refusal.zh} / ${refusal.en}`);
  }
}

function refusalOf(err: unknown): Refusal | undefined {
  const cause = err instanceof WorkflowUpdateFailedError ? err.cause : undefined;
  if (cause instanceof ApplicationFailure) {
    const d = cause.details?.[0] as Refusal | undefined;
    return d ?? { code: cause.type ?? 'illegal_transition', zh: cause.message, en: cause.message };
  }
  return undefined;
}

export class CaseClient {
  // The task queue is readable: other workflows the API starts (the bulletin) run on the same workers.
  constructor(private client: Client, readonly taskQueue = TASK_QUEUE) {}

  /** Starts the case, or finds it if this submission was sent before: one suggestion, one case. */
  async start(input: CaseInput): Promise<CommandResult> {
    const op = new WithStartWorkflowOperation(suggestionWorkflow, {
      workflowId: caseWorkflowId(input.id),
      taskQueue: this.taskQueue,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    return this.client.workflow.executeUpdateWithStart(ensureUpdate, { startWorkflowOperation: op });
  }

  async command<C extends CommandName>(id: string, name: C, actor: Actor, input: CommandInput<C>): Promise<CommandResult> {
    try {
      // Bounded, so a case that cannot answer gives the caller an error rather than a hang.
      return await this.client.withDeadline(Date.now() + COMMAND_DEADLINE_MS, () =>
        this.client.workflow.getHandle(caseWorkflowId(id)).executeUpdate(commandUpdates[name] as any, { args: [{ actor, input }] })) as CommandResult;
    } catch (err) {
      const refusal = refusalOf(err);
      if (refusal) throw new CommandRefused(refusal);
      if (err instanceof WorkflowNotFoundError) {
        throw new CommandRefused({ code: 'illegal_transition', zh: '该建议已办结或不再受理操作', en: 'this suggestion is finished and takes no more commands' });
      }
      throw err;
    }
  }

  state(id: string): Promise<CaseState> {
    return this.client.workflow.getHandle(caseWorkflowId(id)).query(stateQuery);
  }

  /** After a calendar correction: every running case re-plans its open deadlines. A case that has
   * finished meanwhile is skipped; the ids that could not be signalled are returned. */
  async recalculate(ids: string[]): Promise<{ signalled: number; failed: string[] }> {
    const results = await Promise.allSettled(ids.map((id) => this.client.workflow.getHandle(caseWorkflowId(id)).signal('recalculate')));
    const failed = ids.filter((_, i) => results[i].status === 'rejected');
    return { signalled: ids.length - failed.length, failed };
  }
}
