// Query shapes of the yearly and committee reports; the figures themselves are computed in
// activities/reports, which the routes render as JSON, a printable page or a workbook.
import { z } from 'zod';

const format = z.enum(['json', 'html', 'xlsx']).default('json').meta({ description: 'json（默认）、html（可打印页面）或 xlsx / json (default), html (printable) or xlsx' });
const id = (zh: string, en: string) => z.string().trim().min(1).max(64).meta({ description: `${zh} / ${en}` });

export const sessionReportQuery = z.object({ sessionId: id('会次编号（见 congress_sessions）', 'the session id'), format }).strict();
export const committeeReportQuery = z.object({ committeeId: id('专门委员会编号；委员会用户可省略，默认为本委员会', "the committee; committee users may omit it (their own)").optional(), format }).strict();
