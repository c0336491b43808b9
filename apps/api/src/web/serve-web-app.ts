import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Serves the built Angular app on every path outside `/api`: its static files, and `index.html`
 * for any other GET (the router's deep links). Without a build, a page says how to make one.
 */
export function serveWebApp(server: Express, webDir: string): void {
  const index = join(webDir, 'index.html');
  const built = existsSync(index);
  if (built) server.use(express.static(webDir, { index: false, maxAge: '1h' }));
  server.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path === '/api' || req.path.startsWith('/api/') || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    if (built) {
      res.setHeader('Cache-Control', 'no-cache');
      return res.sendFile(index);
    }
    res.status(503).type('html').send(notBuiltPage(webDir));
  });
}

function notBuiltPage(webDir: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>办结 Banjie</title></head>
<body style="font-family:sans-serif;max-width:40rem;margin:4rem auto">
<h1>办结 Banjie</h1>
<p>The API is running at <a href="/api/health">/api/health</a> (docs: <a href="/api/docs">/api/docs</a>),
but the web app is not built: nothing at <code>${escapeHtml(webDir)}</code>.</p>
<p>Build it with <code>npx nx run web:build</code> (or start everything with <code>npm start</code>), or point
<code>BANJIE_WEB_DIR</code> at a build.</p></body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
