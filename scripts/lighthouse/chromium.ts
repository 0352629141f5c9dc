import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { findFreePort, QUIET_CHROMIUM_FLAGS } from '@prongsai/db-tools';

export interface Chromium {
  /** The DevTools port Lighthouse connects to. */
  port: number;
  /** e.g. "Chrome/156.0.8078.108", from /json/version. */
  version: string;
  userAgent: string;
  /** SIGTERM, then wait for the exit. */
  stop(): Promise<void>;
}

const FLAGS = ['--headless=new', ...QUIET_CHROMIUM_FLAGS, '--no-default-browser-check'];

/**
 * Start Chromium with remote debugging on a free port and a throw-away profile. We launch it
 * ourselves instead of through chrome-launcher: that is only a transitive dependency of lighthouse,
 * and owning the process lets every exit path stop it.
 */
export async function launchChromium(binary: string, profileDir: string): Promise<Chromium> {
  if (!fs.existsSync(binary)) throw new Error(`no Chromium at ${binary} (apt-get install chromium, or pass --chromium PATH)`);
  fs.rmSync(profileDir, { recursive: true, force: true });
  fs.mkdirSync(profileDir, { recursive: true });
  const port = await findFreePort();
  const child = spawn(binary, [...FLAGS, `--remote-debugging-port=${port}`, `--user-data-dir=${profileDir}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };

  const deadline = Date.now() + 30_000;
  for (;;) {
    const version = await fetch(`http://127.0.0.1:${port}/json/version`)
      .then((response) => (response.ok ? (response.json() as Promise<{ Browser: string; 'User-Agent': string }>) : undefined))
      .catch(() => undefined);
    if (version) return { port, version: version.Browser, userAgent: version['User-Agent'], stop };
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`Chromium did not start (exit code ${child.exitCode}):\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
