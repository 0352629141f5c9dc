import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { repoRoot } from '@prongsai/db-tools';

export interface WebBundle {
  builtAt: string;
  /** The boot script and the modules it preloads (index.html's data-app list): what the first page load downloads. */
  initialJs: { file: string; bytes: number; gzipBytes: number }[];
  initialGzipKb: number;
  allJsGzipKb: number;
}

const gzipSize = (file: string) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

/** Gzip (level 9) size of the SPA's initial JavaScript in apps/web/dist, or null when it is not built. */
export function measureWebBundle(): WebBundle | null {
  const dist = path.join(repoRoot(), 'apps', 'web', 'dist');
  const indexFile = path.join(dist, 'index.html');
  if (!fs.existsSync(indexFile)) return null;
  const html = fs.readFileSync(indexFile, 'utf8');
  const referenced = [
    ...[...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/?([^"]+\.js)"/g)].map((match) => match[1]!),
    // The app's modules, which the boot script preloads after the first paint (ADR 028).
    ...(html.match(/\sdata-app="([^"]+)"/)?.[1]!.split(' ') ?? []).map((file) => file.replace(/^\//, '')),
  ];
  const initialJs = [...new Set(referenced)].map((file) => {
    const full = path.join(dist, file);
    return { file, bytes: fs.statSync(full).size, gzipBytes: gzipSize(full) };
  });
  const assets = path.join(dist, 'assets');
  const allJs = fs.readdirSync(assets).filter((file) => file.endsWith('.js'));
  const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
  return {
    builtAt: fs.statSync(indexFile).mtime.toISOString(),
    initialJs,
    initialGzipKb: kb(initialJs.reduce((sum, file) => sum + file.gzipBytes, 0)),
    allJsGzipKb: kb(allJs.reduce((sum, file) => sum + gzipSize(path.join(assets, file)), 0)),
  };
}
