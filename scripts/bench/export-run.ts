import http from 'node:http';
import os from 'node:os';
import type { ForeignCpu } from './cpu';
import type { Server } from './processes';
import { sampleRss } from './rss';

export interface ExportRun {
  status: number;
  seconds: number;
  firstByteMs: number;
  megabytes: number;
  rows: number;
}

export interface ExportResult {
  id: '7';
  name: string;
  request: string;
  runs: ExportRun[];
  peakRssMb: number;
  foreignCpuPercent: number;
  loadAverage: number;
}

/** The whole country's open-data CSV, read to the end one download at a time (it is a stream, not a page). */
export async function runExportScenario(api: Server, runs: number, foreign: ForeignCpu): Promise<ExportResult> {
  const loadAverage = os.loadavg()[0]!;
  const path = '/api/v1/public/exports/measures.csv';
  const rss = sampleRss(api.pid);
  const other = foreign.start();
  const results: ExportRun[] = [];
  for (let run = 0; run < runs; run += 1) results.push(await download(`${api.baseUrl}${path}`));
  return {
    id: '7',
    name: 'CSV export of the whole country (published measures)',
    request: `GET ${path}`,
    runs: results,
    peakRssMb: rss.stop(),
    foreignCpuPercent: other.stop(),
    loadAverage,
  };
}

function download(url: string): Promise<ExportRun> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get(url, (res) => {
      let firstByte = 0;
      let bytes = 0;
      let records = 0;
      let quoted = false;
      res.on('data', (chunk: Buffer) => {
        if (firstByte === 0) firstByte = performance.now() - started;
        bytes += chunk.length;
        // Line breaks inside quoted cells (sub-actions) do not end a record; "" toggles twice.
        for (const byte of chunk) {
          if (byte === 34) quoted = !quoted;
          else if (byte === 10 && !quoted) records += 1;
        }
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          seconds: Math.round((performance.now() - started) / 100) / 10,
          firstByteMs: Math.round(firstByte),
          megabytes: Math.round((bytes / 1_048_576) * 10) / 10,
          rows: Math.max(0, records - 1),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(600_000, () => req.destroy(new Error('export took over 10 minutes')));
  });
}
