// Reads an uploaded spreadsheet (XLSX or CSV) into rows of text keyed by import field, each with
// the row number the user sees in Excel, so a report can point at it.
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { ApiError } from '../errors';
import { fieldOfHeader, IMPORT_COLUMNS, type ImportField } from './columns';

export type Format = 'xlsx' | 'csv';
export interface SheetRow { row: number; cells: Partial<Record<ImportField, string>> }
export interface Sheet { format: Format; rows: SheetRow[] }

export const MAX_ROWS = 20_000;
// A title block ("XX 届 X 次会议代表建议汇总表") often sits above the header row.
const HEADER_SEARCH_ROWS = 5;

const unreadable = (zh: string, en: string) => new ApiError(422, 'unreadable_file', zh, en, 'file');

export function detectFormat(buf: Buffer, filename: string): Format {
  if (buf.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
  if (buf.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])) || /\.xls$/i.test(filename)) {
    throw new ApiError(415, 'unsupported_file', '不支持旧版 .xls 文件，请另存为 .xlsx 或 .csv', 'old .xls files are not supported; save as .xlsx or .csv', 'file');
  }
  if (/\.csv$/i.test(filename) || !buf.subarray(0, 4096).includes(0)) return 'csv';
  throw new ApiError(415, 'unsupported_file', '只支持 .xlsx 或 .csv 文件', 'only .xlsx and .csv files are supported', 'file');
}

export async function readSheet(buf: Buffer, filename: string): Promise<Sheet> {
  const format = detectFormat(buf, filename);
  const grid = format === 'xlsx' ? await xlsxGrid(buf) : csvGrid(buf);
  return { format, rows: toRows(grid) };
}

type Grid = { row: number; cells: string[] }[];

function toRows(grid: Grid): SheetRow[] {
  const header = grid.slice(0, HEADER_SEARCH_ROWS).find((r) => r.cells.filter((c) => fieldOfHeader(c)).length >= 2);
  if (!header) throw unreadable('找不到表头行（应含“编号”“标题”“正文”“领衔代表”等列）', 'no header row found (expected columns such as 编号, 标题, 正文, 领衔代表)');
  const fields = header.cells.map((c) => fieldOfHeader(c));
  const twice = fields.find((f, i) => f && fields.indexOf(f) !== i);
  if (twice) throw unreadable(`表头中“${header.cells[fields.lastIndexOf(twice)]}”与另一列重复`, `two header cells mean the same column (${twice})`);
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !fields.includes(c.field));
  if (missing.length) {
    throw unreadable(`缺少必需的列：${missing.map((c) => c.zh).join('、')}`, `missing required columns: ${missing.map((c) => c.field).join(', ')}`);
  }
  const rows: SheetRow[] = [];
  for (const r of grid) {
    if (r.row <= header.row || r.cells.every((c) => !c.trim())) continue;
    const cells: SheetRow['cells'] = {};
    fields.forEach((f, i) => { if (f) cells[f] = r.cells[i] ?? ''; });
    rows.push({ row: r.row, cells });
  }
  if (!rows.length) throw unreadable('文件中没有数据行', 'the file holds no data rows');
  if (rows.length > MAX_ROWS) throw unreadable(`一次最多导入 ${MAX_ROWS} 行`, `at most ${MAX_ROWS} rows per file`);
  return rows;
}

/** Excel in a Chinese locale saves "CSV" as GB18030 unless told otherwise; UTF-8 is tried first. */
function decodeText(buf: Buffer): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder('gb18030').decode(buf);
  }
}

function csvGrid(buf: Buffer): Grid {
  const text = decodeText(buf);
  const firstLine = text.split('\n', 1)[0];
  // Excel's "Unicode text" is tab-separated; lists inside cells use ; so it cannot be a delimiter.
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  let records: string[][];
  try {
    records = parseCsv(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  } catch (err: any) {
    throw unreadable(`CSV 文件无法解析：${err?.message ?? ''}`, `the CSV file cannot be parsed: ${err?.message ?? ''}`);
  }
  // Each record is one spreadsheet row, even one whose quoted cell spans several lines.
  return records.map((cells, i) => ({ row: i + 1, cells }));
}

async function xlsxGrid(buf: Buffer): Promise<Grid> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as any);
  } catch {
    throw unreadable('XLSX 文件已损坏或不是 Excel 工作簿', 'the XLSX file is damaged or not an Excel workbook');
  }
  const grids = wb.worksheets.map((ws) => {
    const grid: Grid = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values = row.values as ExcelJS.CellValue[]; // 1-based
      grid.push({ row: rowNumber, cells: Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellText(values[i + 1])) });
    });
    return grid;
  });
  // The template puts the data sheet first, but a user may have moved it: take the first sheet with a header.
  return grids.find((g) => g.slice(0, HEADER_SEARCH_ROWS).some((r) => r.cells.filter((c) => fieldOfHeader(c)).length >= 2)) ?? grids[0] ?? [];
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString();
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return cellText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : cellText(v.text as ExcelJS.CellValue);
  if ('error' in v) return String(v.error);
  return '';
}
