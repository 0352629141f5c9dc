import type { Server } from 'node:http';
import type { Express } from 'express';

/** The ports this project's reliability tests may use (issue 7): 3500–3599 on the loopback. */
export const PORT_RANGE = { from: 3500, to: 3599 } as const;

export interface Listening {
  server: Server;
  baseUrl: string;
  close(): Promise<void>;
}

/** Listen on the first free port of the range, starting at a random offset to avoid parallel files. */
export async function listenInRange(app: Express, range: { from: number; to: number } = PORT_RANGE): Promise<Listening> {
  const size = range.to - range.from + 1;
  const offset = Math.floor(Math.random() * size);
  for (let i = 0; i < size; i += 1) {
    const port = range.from + ((offset + i) % size);
    const server = await new Promise<Server | undefined>((resolve) => {
      const candidate = app.listen(port, '127.0.0.1');
      candidate.once('listening', () => resolve(candidate));
      candidate.once('error', () => resolve(undefined));
    });
    if (server) {
      return {
        server,
        baseUrl: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
          }),
      };
    }
  }
  throw new Error(`no free port in ${range.from}–${range.to}`);
}

/** A free port of the range for a child process to listen on (checked, then released). */
export async function freePortInRange(range: { from: number; to: number } = PORT_RANGE): Promise<number> {
  const net = await import('node:net');
  const size = range.to - range.from + 1;
  const offset = Math.floor(Math.random() * size);
  for (let i = 0; i < size; i += 1) {
    const port = range.from + ((offset + i) % size);
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${range.from}–${range.to}`);
}
