// The columns of an import file: the Chinese header users see in the template, and the other
// spellings that real spreadsheets carry (English keys, older templates, "*" for required).
export const IMPORT_COLUMNS = [
  { field: 'number', zh: '编号', required: true, aliases: ['建议编号', 'number', 'no', 'suggestionnumber'],
    hint: '本会议内唯一，如 1001；重复导入同一编号不会重复立案 / unique within the congress; re-importing a number starts nothing new' },
  { field: 'title', zh: '标题', required: true, aliases: ['建议标题', '题目', 'title'], hint: '不超过 200 字 / at most 200 characters' },
  { field: 'body', zh: '正文', required: true, aliases: ['内容', '建议内容', 'body', 'content', 'text'], hint: '不超过 20000 字 / at most 20,000 characters' },
  { field: 'categoryCode', zh: '类别', required: false, aliases: ['分类', '类别代码', 'category', 'categorycode'],
    hint: '类别代码或名称，见“类别”表 / a category code or name, see the 类别 sheet' },
  { field: 'leadDeputyId', zh: '领衔代表', required: true, aliases: ['提出代表', '代表', '领衔代表编号', 'leaddeputy', 'leaddeputyid', 'deputy'],
    hint: '代表编号，或本届唯一的代表姓名 / the deputy\'s id, or a name unique in the congress' },
  { field: 'cosignerIds', zh: '附议代表', required: false, aliases: ['联名代表', '附议', 'cosigners', 'cosignerids'],
    hint: '编号或姓名，用“;”或“、”分隔 / ids or names separated by ; or 、' },
  { field: 'source', zh: '来源', required: false, aliases: ['建议来源', 'source'],
    hint: '大会 / 闭会 / 代表团 / 议案转建议（留空按会议类型）/ session, inter_session, delegation or motion (blank: by the session\'s kind)' },
  { field: 'proposedUnitIds', zh: '建议承办单位', required: false, aliases: ['承办单位', 'proposedunits', 'proposedunitids', 'units'],
    hint: '单位编号、代码或名称，用“;”或“、”分隔 / unit ids, codes or names separated by ; or 、' },
] as const;

export type ImportField = (typeof IMPORT_COLUMNS)[number]['field'];
export const COLUMN_ZH = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.field, c.zh])) as Record<ImportField, string>;

/** Spreadsheets decorate headers: spaces, "*" for required, a note in brackets, mixed case. */
export const normalizeHeader = (h: string) =>
  h.normalize('NFKC').replace(/[(（][^)）]*[)）]/g, '').replace(/[\s*_\-.:：]/g, '').toLowerCase();

const BY_HEADER = new Map<string, ImportField>(
  IMPORT_COLUMNS.flatMap((c) => [c.zh, c.field, ...c.aliases].map((h) => [normalizeHeader(h), c.field] as [string, ImportField])),
);

export const fieldOfHeader = (h: string): ImportField | undefined => BY_HEADER.get(normalizeHeader(h));

/** Lists in one cell: the brief's ; and 、, and the full-width and comma forms people type as well. */
export const splitList = (cell: string | undefined): string[] =>
  (cell ?? '').split(/[;；、,，\n]+/).map((s) => s.trim()).filter(Boolean);

export const SOURCE_ZH = { session: '大会', inter_session: '闭会', delegation: '代表团', motion: '议案转建议' } as const;
