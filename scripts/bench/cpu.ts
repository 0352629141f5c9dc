import fs from 'node:fs';
import os from 'node:os';

/**
 * How busy the machine was with work that is not the benchmark's: total busy CPU time minus the
 * CPU time of our own processes (this harness, the API, the limit server, our PostgreSQL and its
 * backends). On a shared 2-core machine a scenario measured while something else ran is not a
 * measurement of the API, so each result carries this share.
 */
export class ForeignCpu {
  private readonly ticksPerSecond = 100;

  constructor(private readonly ownRoots: () => number[]) {}

  start(): { stop(): number } {
    const before = this.snapshot();
    const started = performance.now();
    return {
      stop: () => {
        const after = this.snapshot();
        const seconds = (performance.now() - started) / 1000;
        const foreign = after.busy - before.busy - (after.own - before.own);
        return Math.max(0, Math.round((foreign / (seconds * this.ticksPerSecond * os.cpus().length)) * 100));
      },
    };
  }

  private snapshot(): { busy: number; own: number } {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal
    const busy = fields[0]! + fields[1]! + fields[2]! + fields[5]! + fields[6]! + (fields[7] ?? 0);
    const own = this.ownPids().reduce((sum, pid) => sum + cpuTicks(pid), 0);
    return { busy, own };
  }

  private ownPids(): number[] {
    const roots = new Set(this.ownRoots());
    const pids = new Set(roots);
    for (const entry of fs.readdirSync('/proc')) {
      const pid = Number(entry);
      if (!Number.isInteger(pid)) continue;
      const parent = parentOf(pid);
      if (parent !== undefined && roots.has(parent)) pids.add(pid);
    }
    return [...pids];
  }
}

function stat(pid: number): string[] | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

const parentOf = (pid: number) => {
  const fields = stat(pid);
  return fields ? Number(fields[1]) : undefined;
};

/** utime + stime, plus the children it has reaped (PostgreSQL backends that exited). */
function cpuTicks(pid: number): number {
  const fields = stat(pid);
  if (!fields) return 0;
  return Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
}

/** The postmaster of a PostgreSQL data folder, from its postmaster.pid. */
export function postmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
    return Number.isInteger(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}
