// Bulk import and export: a session's suggestions in from a spreadsheet, the caller's list out to
// one, and the template to fill in. Exports answer the same filters and scope as the list.
import { Router, type RequestHandler } from 'express';
import multer from 'multer';
import { z } from 'zod';
import type { Deps } from '../context';
import { ApiError, fromZod } from '../errors';
import { requireRole } from '../auth';
import { audit } from '../audit';
import { listQuerySchema } from '../read/suggestions';
import { importSuggestions } from '../transfer/import';
import { importTemplate } from '../transfer/template';
import { EXPORT_HEADERS, exportRows } from '../transfer/export-rows';
import { attachment, sendCsv, sendXlsx, stamp, XLSX_TYPE } from '../transfer/files';

const MAX_BYTES = 10 * 1024 * 1024;

// Browsers send a filename's raw UTF-8 bytes; busboy's default reads them as latin1.
const upload = multer({ storage: multer.memoryStorage(), defParamCharset: 'utf8', limits: { fileSize: MAX_BYTES, files: 1, fields: 10, fieldSize: 1024 } }).single('file');
/** Multer's errors carry no HTTP status; the client gets a 4xx that names the problem. */
const receiveFile: RequestHandler = (req, res, next) => upload(req, res, (err: any) => {
  if (!err) return next();
  if (err.code === 'LIMIT_FILE_SIZE') return next(new ApiError(413, 'too_large', '文件不能超过 10 MB', 'the file must not exceed 10 MB', 'file'));
  if (err instanceof multer.MulterError) return next(new ApiError(422, 'invalid_upload', `上传内容有误（${err.code}），文件字段应为 file`, `bad upload (${err.code}); send one file in the field "file"`, err.field ?? 'file'));
  next(new ApiError(400, 'malformed_upload', '上传的表单无法解析', 'the multipart body cannot be parsed'));
});

const importOptions = z.object({
  sessionId: z.string().trim().min(1).max(64),
  dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});

export function transferRoutes(deps: Deps): Router {
  const r = Router();

  r.post('/imports', requireRole('secretariat', 'admin'), receiveFile, async (req, res) => {
    const opts = importOptions.safeParse({ ...req.query, ...(req.body ?? {}) });
    if (!opts.success) throw fromZod(opts.error);
    if (!req.file) throw new ApiError(422, 'invalid_input', '请在 file 字段上传 .xlsx 或 .csv 文件', 'upload an .xlsx or .csv file in the field "file"', 'file');
    const result = await importSuggestions(deps, req, { ...opts.data, file: req.file });
    res.status(result.imported ? 201 : 200).json(result);
  });

  r.get('/imports/template.xlsx', async (req, res) => {
    const body = await importTemplate(deps.db, req.auth!.user.congressId);
    attachment(res, '建议导入模板.xlsx', 'suggestions-import-template.xlsx');
    res.type(XLSX_TYPE).send(body);
  });

  for (const format of ['csv', 'xlsx'] as const) {
    r.get(`/exports/suggestions.${format}`, async (req, res) => {
      const user = req.auth!.user;
      // The export is every page at once: the list's paging parameters do not apply.
      const { limit: _limit, cursor: _cursor, ...filters } = req.query as Record<string, unknown>;
      const q = listQuerySchema.safeParse(filters);
      if (!q.success) throw fromZod(q.error);
      const rows = await exportRows(deps.db, user, q.data);
      // Recorded before the first byte leaves, so no export goes unaudited.
      await audit(deps.db, req, { action: 'export.suggestions', outcome: 'ok', detail: { format, filters, rows: rows.length } });
      const when = stamp('Asia/Shanghai');
      attachment(res, `建议清单-${when}.${format}`, `suggestions-${when}.${format}`);
      try {
        if (format === 'csv') await sendCsv(res, EXPORT_HEADERS, rows);
        else await sendXlsx(res, '建议清单', EXPORT_HEADERS, rows);
      } catch (err) {
        // Headers are gone: the only honest signal left is a cut connection.
        deps.log.error({ err, format }, 'export failed while streaming');
        res.destroy(err as Error);
      }
    });
  }
  return r;
}
