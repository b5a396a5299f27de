// Yearly figures for a session (the unit appraisal and the annual handling report) for the
// secretariat and admins, and a committee's supervision report for that committee or the secretariat.
import { Router, type Response } from 'express';
import type { Deps } from '../context';
import { requireRole } from '../auth';
import { audit } from '../audit';
import { invalid, notFound } from '../errors';
import { parse } from '../read/input';
import { committeeReportQuery, sessionReportQuery } from '../read/reports';
import { renderHtml, renderXlsx, type ReportDocument } from '../../activities/reports/document';
import { appraisalDocument, appraisalReport } from '../../activities/reports/appraisal';
import { annualDocument, annualReport } from '../../activities/reports/annual';
import { committeeDocument, committeeReport } from '../../activities/reports/committee';
import { attachment, stamp, XLSX_TYPE } from '../transfer/files';

async function send(res: Response, format: 'json' | 'html' | 'xlsx', body: object, doc: () => ReportDocument, ascii: string): Promise<void> {
  if (format === 'json') {
    res.json(body);
    return;
  }
  const d = doc();
  if (format === 'html') {
    res.type('html').send(renderHtml(d));
    return;
  }
  attachment(res, `${d.title}-${stamp('Asia/Shanghai')}.xlsx`, `${ascii}-${stamp('Asia/Shanghai')}.xlsx`);
  res.type(XLSX_TYPE).send(await renderXlsx(d));
}

export function reportRoutes(deps: Deps): Router {
  const r = Router();
  const { db } = deps;
  const yearly = requireRole('secretariat', 'admin');

  // The two yearly reports of a session differ only in what they compute and how they print.
  const yearlyReport = <R extends object>(name: string, compute: (db: Deps['db'], congressId: string, sessionId: string) => Promise<R | undefined>,
    document: (report: R) => ReportDocument) => r.get(`/${name}`, yearly, async (req, res) => {
    const q = parse(sessionReportQuery, req.query);
    const report = await compute(db, req.auth!.user.congressId, q.sessionId);
    if (!report) throw notFound('会次', 'session');
    if (q.format !== 'json') await audit(db, req, { action: `export.${name}`, target: q.sessionId, outcome: 'ok', detail: { format: q.format } });
    await send(res, q.format, report, () => document(report), `${name}-${q.sessionId}`);
  });
  yearlyReport('appraisal', appraisalReport, appraisalDocument);
  yearlyReport('annual', annualReport, annualDocument);

  r.get('/committee', requireRole('committee', 'secretariat', 'admin'), async (req, res) => {
    const q = parse(committeeReportQuery, req.query);
    const user = req.auth!.user;
    const committeeId = q.committeeId ?? user.committeeId;
    // Another committee's report does not exist for a committee user: 404, as for any item outside one's scope.
    if (!committeeId) throw invalid('committeeId', '请指定专门委员会（committeeId）', 'name the committee (committeeId)');
    if (user.role === 'committee' && committeeId !== user.committeeId) throw notFound('专门委员会', 'committee');
    const report = await committeeReport(db, user.congressId, committeeId);
    if (!report) throw notFound('专门委员会', 'committee');
    if (q.format !== 'json') await audit(db, req, { action: 'export.committee_report', target: committeeId, outcome: 'ok', detail: { format: q.format } });
    await send(res, q.format, report, () => committeeDocument(report), `committee-${committeeId}`);
  });
  return r;
}
