// The import template: the data sheet first (what the import reads), then how to fill it in and
// the congress's categories and units to copy from.
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import * as t from '../../schema/tables';
import type { Db } from '../../activities/db';
import { IMPORT_COLUMNS, SOURCE_ZH } from './columns';
import { categoryScheme } from './directory';
import { MAX_ROWS } from './sheet';

export const TEMPLATE_SHEET = '建议';
const WIDTHS: Record<string, number> = { number: 12, title: 40, body: 60, categoryCode: 12, leadDeputyId: 14, cosignerIds: 24, source: 12, proposedUnitIds: 30 };

export async function importTemplate(db: Db, congressId: string): Promise<Buffer> {
  const units = await db.select({ id: t.handlingUnits.id, code: t.handlingUnits.code, name: t.handlingUnits.nameZh })
    .from(t.handlingUnits).where(eq(t.handlingUnits.congressId, congressId)).orderBy(t.handlingUnits.code);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Huying 呼应';

  const data = wb.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = IMPORT_COLUMNS.map((c) => ({ header: c.zh, key: c.field, width: WIDTHS[c.field] ?? 16, style: { numFmt: '@' } }));
  data.getRow(1).font = { bold: true };
  IMPORT_COLUMNS.forEach((c, i) => {
    const cell = data.getRow(1).getCell(i + 1);
    cell.note = `${c.required ? '必填 / required. ' : ''}${c.hint}`;
    if (c.required) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
  });
  const sourceCol = String.fromCharCode(65 + IMPORT_COLUMNS.findIndex((c) => c.field === 'source'));
  // exceljs keeps range validations in the model though its typings do not declare them.
  (data as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations
    .add(`${sourceCol}2:${sourceCol}${MAX_ROWS + 1}`, { type: 'list', allowBlank: true, formulae: [`"${Object.values(SOURCE_ZH).join(',')}"`] });

  const help = wb.addWorksheet('说明');
  help.columns = [{ header: '列', width: 14 }, { header: '必填', width: 6 }, { header: '填写说明', width: 100 }];
  for (const c of IMPORT_COLUMNS) help.addRow([c.zh, c.required ? '是' : '', c.hint]);
  help.addRow([]);
  help.addRow(['', '', '任何一行有误时整个文件都不会导入，并返回每个错误所在的行和列。 / If any row is invalid, nothing is imported and every bad row and column is reported.']);
  help.getRow(1).font = { bold: true };

  const cats = wb.addWorksheet('类别');
  cats.columns = [{ header: '代码', width: 8 }, { header: '名称', width: 30 }];
  for (const c of categoryScheme()) cats.addRow([c.code, c.nameZh]);
  cats.getRow(1).font = { bold: true };

  const unitSheet = wb.addWorksheet('承办单位');
  unitSheet.columns = [{ header: '编号', width: 24 }, { header: '代码', width: 12 }, { header: '名称', width: 40 }];
  for (const u of units) unitSheet.addRow([u.id, u.code, u.name]);
  unitSheet.getRow(1).font = { bold: true };

  return Buffer.from(await wb.xlsx.writeBuffer());
}
