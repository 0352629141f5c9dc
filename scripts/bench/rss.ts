import fs from 'node:fs';

/** Resident memory of a process (VmRSS), in MB; undefined once it is gone. */
export function readRssMb(pid: number): number | undefined {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Samples a process's RSS every 100 ms until stopped; returns the peak in MB. */
export function sampleRss(pid: number, everyMs = 100): { stop(): number } {
  let peak = readRssMb(pid) ?? 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, readRssMb(pid) ?? 0);
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.round(Math.max(peak, readRssMb(pid) ?? 0));
    },
  };
}
