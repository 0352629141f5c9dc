import type { Request, RequestHandler } from 'express';
import type { ErrorResponse } from '@prongsai/shared';
import { definedRoutes, type RouteDefinition } from './define-route';

interface KnownPath {
  pattern: RegExp;
  routes: RouteDefinition[];
}

let known: KnownPath[] | undefined;

/**
 * The defined routes by path, matched as Express matches them: case-insensitively, with or without
 * one trailing slash (so every variant is treated the same, signed in or not).
 */
function knownPaths(): KnownPath[] {
  if (known) return known;
  const byPattern = new Map<string, KnownPath>();
  for (const route of definedRoutes()) {
    const source = `^/api/v1${route.path.replace(/[.]/g, '\\.').replace(/:\w+/g, '[^/]+')}/?$`;
    const entry = byPattern.get(source) ?? { pattern: new RegExp(source, 'i'), routes: [] };
    entry.routes.push(route);
    byPattern.set(source, entry);
  }
  known = [...byPattern.values()];
  return known;
}

/** The routes defined for this full path (every method), or none. */
export function routesAt(fullPath: string): RouteDefinition[] {
  return knownPaths().find((entry) => entry.pattern.test(fullPath))?.routes ?? [];
}

/** The route of `routes` (one path's) that answers `method` (HEAD is answered by GET). */
function routeOfMethod(routes: RouteDefinition[], method: string): RouteDefinition | undefined {
  const wanted = method === 'HEAD' ? 'get' : method.toLowerCase();
  return routes.find((route) => route.method === wanted);
}

/** The route that will answer this method and full path. */
export function routeFor(method: string, fullPath: string): RouteDefinition | undefined {
  return routeOfMethod(routesAt(fullPath), method);
}

/** Each request's route, looked up once (the gate, the session and the body check all ask). */
const routeOfRequest = new WeakMap<Request, RouteDefinition | undefined>();

/** The route that will answer this request, or undefined (outside /api/v1, or no such route). */
export function routeOf(req: Request): RouteDefinition | undefined {
  if (routeOfRequest.has(req)) return routeOfRequest.get(req);
  // Mounted anywhere: req.path is relative to the mount, the patterns use the full path.
  const fullPath = `${req.baseUrl}${req.path}`;
  const route = /^\/api\/v1\//i.test(fullPath) ? routeFor(req.method, fullPath) : undefined;
  routeOfRequest.set(req, route);
  return route;
}

const allowOf = (routes: RouteDefinition[]) => {
  const methods = new Set(routes.map((route) => route.method.toUpperCase()));
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort().join(', ');
};

/**
 * In front of everything else under /api/v1 (body parsers, sessions, CSRF): an unknown path answers
 * 404 and a known path with a method it does not have answers 405 with `Allow` — to every caller, so
 * that an anonymous client cannot tell a private path from a missing one by a 401, and signed-in and
 * anonymous callers see the same routing.
 */
export const routeGate: RequestHandler = (req, res, next) => {
  const fullPath = `${req.baseUrl}${req.path}`;
  const routes = routesAt(fullPath);
  if (routes.length === 0) {
    res.status(404).json({ error: { code: 'NOT_FOUND', message: 'ไม่พบเส้นทางนี้', requestId: req.requestId } } satisfies ErrorResponse);
    return;
  }
  const route = routeOfMethod(routes, req.method);
  routeOfRequest.set(req, route);
  if (req.method !== 'OPTIONS' && !route) {
    res.setHeader('Allow', allowOf(routes));
    res.status(405).json({
      error: { code: 'METHOD_NOT_ALLOWED', message: `เส้นทางนี้รองรับเฉพาะ ${allowOf(routes)}`, requestId: req.requestId },
    } satisfies ErrorResponse);
    return;
  }
  next();
};
