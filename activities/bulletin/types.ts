// The shape of a monthly bulletin (月度进度通报), shared by its computation, storage, notices,
// downloads and the API. Figures are plain JSON so a stored bulletin reads back unchanged.

/** green: closed and agreed; blue: on track; yellow: at risk; red: overdue or blocked (domain.md §4). */
export type Colour = 'green' | 'blue' | 'yellow' | 'red';
export const COLOUR_ZH: Record<Colour | 'none', string> = { green: '绿', blue: '蓝', yellow: '黄', red: '红', none: '—' };

export type Deadline = 'firstContact' | 'coHandlerOpinion' | 'reply' | 'rehandling';
export const DEADLINE_ZH: Record<Deadline, string> = { firstContact: '首次联系代表', coHandlerOpinion: '协办意见', reply: '答复', rehandling: '重新办理答复' };

export interface Satisfaction { satisfied: number; basicallySatisfied: number; unsatisfied: number; unevaluated: number; rate: number | null }

/** The month-over-month change of a row against the same row of the previous stored bulletin. */
export interface Change { assigned: number; replied: number; overdue: number; replyRate: number | null; satisfactionRate: number | null; avgDaysToReply: number | null }

export interface UnitRow {
  unitId: string; code: string; unit: string; kind: string | null;
  assigned: number; toReply: number; acknowledged: number; contacted: number; replied: number;
  opinionsDue: number; opinionsGiven: number; overdue: number; supervised: number; atRisk: number;
  extensionsRequested: number; extensionsApproved: number;
  avgDaysToReply: number | null; replyRate: number | null; contactRate: number | null;
  satisfaction: Satisfaction; colour: Colour | 'none'; rank: number | null;
  change: Change | null;
}

/** A delegation, a category or the whole congress: counted per suggestion, not per unit. */
export interface GroupRow {
  key: string; name: string;
  items: number; acknowledged: number; contacted: number; replied: number; closed: number; overdue: number; atRisk: number;
  extensions: number; avgDaysToReply: number | null; replyRate: number | null; contactRate: number | null;
  satisfaction: Satisfaction; colours: Record<Colour, number>; colour: Colour | 'none';
  change: Change | null;
}

export interface OverdueRow {
  suggestionId: string; number: string | null; title: string; unitId: string; unit: string; role: string;
  deadline: Deadline; dueAt: string | null; daysOverdue: number; level: number; isKey: boolean;
}

export interface RankRow { rank: number; unitId: string; unit: string; overdue: number; replyRate: number | null; satisfactionRate: number | null; avgDaysToReply: number | null; colour: Colour | 'none'; rankChange: number | null }

/** One unit's part of one suggestion, as of the snapshot. */
export interface ItemUnit { unitId: string; role: string; acknowledged: boolean; contacted: boolean; replied: boolean; overdue: Deadline | null; dueAt: string | null }

export interface Item {
  id: string; number: string | null; title: string; delegationId: string | null; categoryCode: string | null;
  leadDeputyId: string; deputyIds: string[]; isKey: boolean; committeeId: string | null;
  stage: 'assigned' | 'handling' | 'replied' | 'closed'; satisfaction: string | null; colour: Colour; units: ItemUnit[];
}
export const STAGE_ZH: Record<Item['stage'], string> = { assigned: '已交办待签收', handling: '办理中', replied: '已答复', closed: '已办结' };

export interface Figures {
  congressId: string; congress: string; month: string; asOf: string; previousMonth: string; hasPrevious: boolean;
  overall: GroupRow;
  units: UnitRow[];
  delegations: GroupRow[];
  categories: GroupRow[];
  overdue: OverdueRow[];
  ranking: RankRow[];
  committees: { committeeId: string; name: string; items: number; replied: number; overdue: number }[];
}

export interface Bulletin { id: string; congressId: string; month: string; asOf: string; trigger: string; generatedAt: string; figures: Figures; items: Item[] }

/** What the bulletin workflow is started with; the schedule passes `{ trigger: 'schedule' }`. */
export interface BulletinRequest {
  congressId?: string;
  /** YYYY-MM; by default the previous month for the schedule, the current month otherwise. */
  month?: string;
  trigger?: 'schedule' | 'api' | 'start';
  requestedBy?: string;
  /** Queue the notices to units, deputies, committees and the secretariat (default true). */
  notify?: boolean;
}

export interface BulletinRef { id: string; congressId: string; month: string; asOf: string; units: number; items: number; overdue: number; notices?: number }

export interface BulletinActivities {
  bulletinCongresses(): Promise<string[]>;
  computeBulletin(req: BulletinRequest & { congressId: string; at: number; workflowId: string }): Promise<BulletinRef>;
  queueBulletinNotices(id: string): Promise<number>;
}

export const bulletinId = (congressId: string, month: string) => `${congressId}-${month}`;
export const BULLETIN_SCHEDULE_ID = 'huying-monthly-bulletin';
