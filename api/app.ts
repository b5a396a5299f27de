// The HTTP API: thin on purpose. Commands go to the case workflows, reads come from the read model.
import express, { type Express } from 'express';
import helmet from 'helmet';
import cookieParser from 'cookie-parser';
import { ApiError, errorHandler } from './errors';
import { authenticate, requireAuth } from './auth';
import { idempotency } from './idempotency';
import type { Deps } from './context';
import { authRoutes } from './routes/auth';
import { healthRoutes } from './routes/health';
import { suggestionRoutes } from './routes/suggestions';
import { directoryRoutes } from './routes/directory';
import { adminRoutes } from './routes/admin';
import { publicRoutes } from './routes/public';
import { boardRoutes } from './routes/boards';
import { transferRoutes } from './routes/transfer';
import { docsRoutes } from './routes/docs';
import { writeFence } from './read/cache';
import { webRoutes } from './routes/web';
import { bulletinRoutes } from './routes/bulletins';
import { reportRoutes } from './routes/reports';
import { notificationRoutes } from './routes/notifications';
import { deliveryRoutes } from './routes/deliveries';
import { processRoutes } from './routes/process';
import { miningRoutes } from './routes/mining';

export function createApp(deps: Deps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', process.env.HUYING_TRUST_PROXY ?? 'loopback');
  app.use(helmet());
  app.use(healthRoutes(deps));
  app.use('/api', docsRoutes(deps)); // /api/openapi.json and /api/docs

  const v1 = express.Router();
  v1.use((req, _res, next) => {
    // Writes must say they are JSON (multipart only for imports), so a form post cannot smuggle a command.
    const writes = ['POST', 'PUT', 'PATCH'].includes(req.method);
    if (writes && req.headers['content-length'] !== '0' && (req.headers['content-length'] || req.headers['transfer-encoding'])
      && !req.is('application/json') && !req.is('multipart/form-data')) {
      return next(new ApiError(415, 'unsupported_media_type', '请求体应为 application/json', 'the body must be application/json'));
    }
    next();
  });
  v1.use(express.json({ limit: '1mb' }));
  v1.use(cookieParser());
  v1.use(authenticate(deps));
  v1.use(writeFence(deps.db)); // a write drops cached list answers before it answers (api/read/cache.ts)
  v1.use('/auth', authRoutes(deps));
  v1.use('/public', publicRoutes(deps)); // published replies, no sign-in
  v1.use(requireAuth);
  v1.use(idempotency(deps.db));
  v1.use(processRoutes(deps)); // /process/suggestion, /suggestions/{id}/process
  v1.use('/suggestions', suggestionRoutes(deps));
  v1.use(directoryRoutes(deps)); // /units, /deputies, /delegations, /committees
  v1.use(adminRoutes(deps)); // /calendar, /profile, /audit, /tokens
  v1.use('/boards', boardRoutes(deps)); // /overdue, /units
  v1.use(transferRoutes(deps)); // /imports, /exports
  v1.use(miningRoutes(deps)); // /exports/xes, /exports/ocel
  v1.use('/bulletins', bulletinRoutes(deps)); // monthly progress bulletins
  v1.use('/reports', reportRoutes(deps)); // yearly figures, committee supervision reports
  v1.use(notificationRoutes(deps)); // /notifications…
  v1.use(deliveryRoutes(deps)); // /admin/deliveries, /admin/webhooks
  v1.use((_req, _res, next) => next(new ApiError(404, 'not_found', '接口不存在', 'no such endpoint')));
  app.use('/api/v1', v1);
  app.use(webRoutes()); // the console at /
  app.use(errorHandler(deps.log));
  return app;
}
