import { INestApplication, Logger } from '@nestjs/common';
import express, { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The web app's policy: scripts, styles, fonts and API calls from this origin only, nothing inline,
 * never framed. Swagger UI under /api/docs keeps its own needs and does not get it.
 */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/');

/** dist/web beside the compiled API, found from the package root so source (tests) and dist agree. */
export function defaultWebAppDir(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'dist', 'web');
}

/**
 * Serves the built web app at / on the API's own origin: its files, and index.html for any other
 * GET that is not under /api, so the app's own routes survive a reload. /api/… is never answered
 * with the app: an unknown API path stays a problem+json 404.
 */
export function serveWebApp(app: INestApplication, webAppDir = defaultWebAppDir()): void {
  const indexHtml = join(webAppDir, 'index.html');
  if (!existsSync(indexHtml)) {
    new Logger('WebApp').warn(`${indexHtml} is missing: the web app is not served (npm run build builds it)`);
    return;
  }
  const files = express.static(webAppDir, {
    index: false,
    fallthrough: true,
    setHeaders: (response, path) => {
      response.setHeader('Content-Security-Policy', WEB_APP_CSP);
      // Vite names built assets by content hash: they never change under the same name.
      response.setHeader('Cache-Control', path.startsWith(join(webAppDir, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (isApiPath(request.path) || (request.method !== 'GET' && request.method !== 'HEAD')) return next();
    files(request, response, () => {
      response.setHeader('Content-Security-Policy', WEB_APP_CSP);
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(indexHtml);
    });
  });
}
