import { Router } from 'express';
import {
  CalendarParamsSchema,
  CalendarSchema,
  DeadlinesQuerySchema,
  DeadlinesResponseSchema,
  UpdateCalendarInputSchema,
} from '@prongsai/shared';
import { defineRoute } from '../../http/define-route';
import { deadlinesFor, getCalendar, updateCalendar } from './calendar.service';

export const calendarRouter = Router();
const tag = 'calendar';

defineRoute(
  calendarRouter,
  {
    method: 'get',
    path: '/calendar/:fiscalYear',
    summary: "A fiscal year's ITA deadlines (plan submitted, plan published, results reported), set or defaulted",
    tag,
    params: CalendarParamsSchema,
    response: CalendarSchema,
  },
  async ({ actor, params }) => getCalendar(actor, params.fiscalYear),
);

defineRoute(
  calendarRouter,
  {
    method: 'put',
    path: '/calendar/:fiscalYear',
    summary: "National admin: set a fiscal year's deadlines and how many days before them reminders go",
    tag,
    params: CalendarParamsSchema,
    body: UpdateCalendarInputSchema,
    response: CalendarSchema,
  },
  async ({ actor, params, body }) => updateCalendar(actor, params.fiscalYear, body),
);

defineRoute(
  calendarRouter,
  {
    method: 'get',
    path: '/deadlines',
    summary:
      "What is due in a fiscal year (default: the current one) for the caller's agencies: done, near, overdue, and which agencies have not done it",
    tag,
    query: DeadlinesQuerySchema,
    response: DeadlinesResponseSchema,
  },
  async ({ actor, query }) => deadlinesFor(actor, query.fiscalYear),
);
