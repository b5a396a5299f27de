// A report as titled tables, rendered two ways: a printable Chinese HTML page (A4, print CSS, no
// script) and an XLSX workbook with one sheet per table. Bulletins and yearly reports share it.
import ExcelJS from 'exceljs';

export type Cell = string | number | null;
export interface Section { sheet: string; title: string; headers: string[]; rows: Cell[][]; colours?: (string | null)[]; note?: string }
export interface ReportDocument { title: string; subtitle?: string; lines?: string[]; sections: Section[] }

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const COLOUR_CLASS: Record<string, string> = { red: 'red', yellow: 'yellow', blue: 'blue', green: 'green' };

const CSS = `
@page { size: A4; margin: 15mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif; color: #111; margin: 0 auto; max-width: 270mm; padding: 12px; font-size: 10.5pt; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 4px; letter-spacing: 2px; }
.sub { text-align: center; color: #444; margin: 0 0 12px; }
.lines p { margin: 2px 0; text-indent: 2em; line-height: 1.6; }
h2 { font-size: 12.5pt; margin: 16px 0 6px; border-left: 4px solid #b71c1c; padding-left: 6px; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; }
th, td { border: 1px solid #888; padding: 2px 4px; text-align: center; }
th { background: #f1f1f1; }
td.t { text-align: left; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
tr.red td:last-of-type, span.red { color: #b71c1c; font-weight: bold; }
tr.red { background: #fdecea; } tr.yellow { background: #fff8e1; } tr.green { background: #edf7ed; }
.note { color: #555; font-size: 9pt; }
footer { margin-top: 16px; color: #666; font-size: 8.5pt; text-align: right; }
@media print { body { padding: 0; max-width: none; } h2 { break-after: avoid; } }
`;

export function renderHtml(doc: ReportDocument): string {
  const parts = doc.sections.map((s) => {
    const body = s.rows.length
      ? `<table><thead><tr>${s.headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${s.rows.map((r, i) =>
        `<tr class="${COLOUR_CLASS[s.colours?.[i] ?? ''] ?? ''}">${r.map((c) => `<td${typeof c === 'string' && c.length > 12 ? ' class="t"' : ''}>${esc(c ?? '—')}</td>`).join('')}</tr>`).join('')}</tbody></table>`
      : '<p class="note">无。</p>';
    return `<section><h2>${esc(s.title)}</h2>${s.note ? `<p class="note">${esc(s.note)}</p>` : ''}${body}</section>`;
  });
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.title)}</title><style>${CSS}</style></head>
<body><h1>${esc(doc.title)}</h1>${doc.subtitle ? `<p class="sub">${esc(doc.subtitle)}</p>` : ''}
${doc.lines?.length ? `<div class="lines">${doc.lines.map((l) => `<p>${esc(l)}</p>`).join('')}</div>` : ''}
${parts.join('\n')}
<footer>呼应 Huying · 人大代表建议办理系统</footer></body></html>`;
}

// Excel runs a cell that starts with = + - @ as a formula; text from users must stay text.
const safe = (c: Cell) => (typeof c === 'string' && /^[=+\-@\t\r]/.test(c) ? `'${c}` : c);
const FILL: Record<string, string> = { red: 'FFFDECEA', yellow: 'FFFFF8E1', green: 'FFEDF7ED' };

export async function renderXlsx(doc: ReportDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '呼应 Huying';
  wb.title = doc.title;
  const used = new Set<string>();
  for (const s of doc.sections) {
    // Sheet names are unique and at most 31 characters in Excel.
    let name = s.sheet.slice(0, 31);
    for (let n = 2; used.has(name); n++) name = `${s.sheet.slice(0, 28)}-${n}`;
    used.add(name);
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    ws.columns = s.headers.map((h, i) => ({ header: h, width: Math.min(48, Math.max(8, h.length * 2 + 2, ...s.rows.slice(0, 200).map((r) => String(r[i] ?? '').length * 2))) }));
    ws.getRow(1).font = { bold: true };
    s.rows.forEach((r, i) => {
      const row = ws.addRow(r.map(safe));
      const fill = FILL[s.colours?.[i] ?? ''];
      if (fill) row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
    });
  }
  if (!doc.sections.length) wb.addWorksheet('说明').addRow(['无数据']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
