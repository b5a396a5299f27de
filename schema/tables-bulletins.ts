// Monthly progress bulletins (月度进度通报): one stored snapshot per congress and month.
import { jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { congresses } from './tables';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Re-running a month replaces its figures (a backfill after a correction shows the corrected
 * numbers); the notices it queued keep their deterministic ids, so they are never queued twice.
 */
export const bulletins = pgTable('bulletins', {
  id: text('id').primaryKey(), // `<congress>-<YYYY-MM>`
  congressId: text('congress_id').notNull().references(() => congresses.id),
  month: text('month').notNull(), // YYYY-MM, the month reported on
  asOf: ts('as_of').notNull(), // the snapshot instant: the month's end, or the moment it ran for the current month
  trigger: text('trigger').notNull(), // schedule | api | start
  /** The whole bulletin (overall, units, delegations, categories, overdue, ranking, key items). */
  figures: jsonb('figures').notNull(),
  /** Per-suggestion progress, so a deputy or a committee can read its own part later. */
  items: jsonb('items').notNull(),
  generatedAt: ts('generated_at').notNull(),
  generatedBy: text('generated_by'),
  workflowId: text('workflow_id'), // the run that wrote it last
}, (t) => [uniqueIndex('bulletins_month').on(t.congressId, t.month)]);
