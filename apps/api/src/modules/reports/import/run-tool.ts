import { execFile } from 'node:child_process';

/** A command-line tool the import needs (pdftotext, pdftoppm, tesseract) was not found on this server. */
export class ToolMissingError extends Error {
  constructor(readonly tool: string) {
    super(`${tool} is not installed`);
  }
}

/** The tool ran out of time or memory, or failed on the file. */
export class ToolFailedError extends Error {
  constructor(
    readonly tool: string,
    readonly reason: 'timeout' | 'failed',
    detail: string,
  ) {
    super(`${tool} ${reason === 'timeout' ? 'took too long' : `failed: ${detail}`}`);
  }
}

export interface ToolLimits {
  timeoutMs: number;
  /** Address space of the child, in MB (prlimit --as). */
  memoryMb: number;
  /** Largest output kept, in bytes. */
  maxOutputBytes: number;
}

/**
 * Runs a tool as a child process, never on the event loop: killed (SIGKILL) after `timeoutMs`, its
 * memory capped through prlimit(1) when present, its output bounded. Files are passed by path.
 */
export function runTool(tool: string, args: string[], limits: ToolLimits): Promise<Buffer> {
  const command = 'prlimit';
  const fullArgs = [`--as=${limits.memoryMb * 1024 * 1024}`, '--', tool, ...args];
  return new Promise((resolve, reject) => {
    execFile(
      command,
      fullArgs,
      { encoding: 'buffer', timeout: limits.timeoutMs, killSignal: 'SIGKILL', maxBuffer: limits.maxOutputBytes, windowsHide: true },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const failure = error as NodeJS.ErrnoException & { killed?: boolean; code?: string | number };
        const detail = stderr.toString('utf8').trim().split('\n').slice(-1)[0] ?? '';
        // prlimit reports a missing program as exit 127 / "failed to execute"; a missing prlimit as ENOENT.
        if (failure.code === 'ENOENT') return reject(new ToolMissingError('prlimit'));
        if ((failure.code as unknown) === 127 || /failed to execute|No such file/i.test(detail)) return reject(new ToolMissingError(tool));
        if (failure.killed) return reject(new ToolFailedError(tool, 'timeout', detail));
        reject(new ToolFailedError(tool, 'failed', detail || failure.message));
      },
    );
  });
}
