import { Router } from 'express';
import { agenciesRouter } from './modules/agencies/agencies.routes';
import { auditRouter } from './modules/audit/audit.routes';
import { authRouter } from './modules/auth/auth.routes';
import { calendarRouter } from './modules/calendar/calendar.routes';
import type { SessionSettings } from './modules/auth/auth.service';
import { evidenceFilesRouter } from './modules/evidence-files/evidence-files.routes';
import { commentsRouter } from './modules/comments/comments.routes';
import { healthRouter } from './modules/health/health.routes';
import { indicatorsRouter } from './modules/indicators/indicators.routes';
import { measuresRouter } from './modules/measures/measures.routes';
import { notificationsRouter } from './modules/notifications/notifications.routes';
import { plansRouter } from './modules/plans/plans.routes';
import { publicRouter } from './modules/public/public.routes';
import { reportsRouter } from './modules/reports/reports.routes';
import { reviewRouter } from './modules/review/review.routes';
import { similarityRouter } from './modules/similarity/similarity.routes';
import { usersRouter } from './modules/users/users.routes';

/** Every API module, mounted under /api/v1. The isolation matrix test walks this router. */
export function apiRoutes(settings: SessionSettings): Router {
  const router = Router();
  router.use(healthRouter);
  router.use(publicRouter);
  router.use(authRouter(settings));
  router.use(agenciesRouter);
  router.use(plansRouter);
  router.use(measuresRouter);
  router.use(evidenceFilesRouter);
  router.use(commentsRouter);
  router.use(reviewRouter);
  router.use(similarityRouter);
  router.use(reportsRouter);
  router.use(indicatorsRouter);
  router.use(usersRouter);
  router.use(auditRouter);
  router.use(notificationsRouter);
  router.use(calendarRouter);
  return router;
}
