// Writing spreadsheets to an HTTP response: CSV that Excel opens in Chinese, streamed XLSX, and a
// download name that survives every browser.
import { once } from 'node:events';
import type { Response } from 'express';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import type { Cell } from './export-rows';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** RFC 6266 + RFC 5987: an ASCII fallback for old clients, the UTF-8 name for everyone else. */
export function attachment(res: Response, zhName: string, asciiName: string): void {
  res.setHeader('Content-Disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(zhName)}`);
}

export const stamp = (zone: string) => DateTime.now().setZone(zone).toFormat('yyyyMMdd-HHmm');

// Excel runs a cell that starts with = + - @ (or a tab/CR before one) as a formula; text from users must not.
const FORMULA = /^[=+\-@\t\r]/;
const safe = (c: Cell) => (typeof c === 'string' && FORMULA.test(c) ? `'${c}` : c);

/** Waits out backpressure; a client that went away never drains, so closing ends the wait too. */
async function write(res: Response, chunk: string | Buffer): Promise<void> {
  if (!res.write(chunk) && !res.destroyed) await Promise.race([once(res, 'drain'), once(res, 'close')]);
}

/** UTF-8 with a BOM: without it Excel reads the file as the local ANSI code page and shows mojibake. */
export async function sendCsv(res: Response, headers: string[], rows: Cell[][]): Promise<void> {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  await write(res, `\uFEFF${stringify([headers])}`);
  for (let i = 0; i < rows.length; i += 500) await write(res, stringify(rows.slice(i, i + 500).map((r) => r.map(safe))));
  res.end();
}

/** Rows are committed as they are written, so the workbook is never held whole in memory. */
export async function sendXlsx(res: Response, sheetName: string, headers: string[], rows: Cell[][], widths: number[] = []): Promise<void> {
  res.setHeader('Content-Type', XLSX_TYPE);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = headers.map((h, i) => ({ header: h, width: widths[i] ?? Math.max(10, h.length * 2 + 2) }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
}
