// Memory and responsiveness probes for the scale and soak benchmarks: the page's JS heap (CDP
// Performance.getMetrics), the resident memory of every Chromium process this Node process
// started (/proc/<pid>/status VmRSS, VmHWM), and the longest main-thread task (PerformanceObserver).
import { readdirSync, readFileSync } from 'node:fs';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/** Every process descended from `root` (here: the browser and its zygotes, renderers, GPU...). */
function descendants(root: number): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command may hold spaces and parentheses: the ppid is the second field after the last ')'.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* the process ended while we looked */
    }
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    for (const [child, p] of parent) if (p === pid) (out.push(child), walk(child));
  };
  walk(root);
  return out;
}

function statusOf(pid: number): { type: string; rssKb: number; hwmKb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    const type = /--type=([a-z-]+)/.exec(cmd)?.[1] ?? (cmd.includes('chrom') ? 'browser' : 'other');
    return { type, rssKb: kb('VmRSS'), hwmKb: kb('VmHWM') };
  } catch {
    return null;
  }
}

export interface ProcessMemory {
  rendererRssMb: number;
  rendererHwmMb: number; // the largest renderer's high-water mark: "the tab"
  allRssMb: number;
}

export function chromiumMemory(): ProcessMemory {
  const procs = descendants(process.pid).map(statusOf).filter((p): p is NonNullable<typeof p> => !!p);
  const renderers = procs.filter((p) => p.type === 'renderer');
  const mb = (kb: number) => Math.round(kb / 1024);
  return {
    rendererRssMb: mb(renderers.reduce((n, p) => n + p.rssKb, 0)),
    rendererHwmMb: mb(Math.max(0, ...renderers.map((p) => p.hwmKb))),
    allRssMb: mb(procs.filter((p) => p.type !== 'other').reduce((n, p) => n + p.rssKb, 0)),
  };
}

/** Records every long task (>50 ms) on the main thread from the first script on. */
export async function watchLongTasks(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __longTasks: [number, number][] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push([Math.round(e.startTime), Math.round(e.duration)]);
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** The long tasks so far; `top` lists the five longest as [start ms since `sinceMs` (page clock), duration ms]. */
export async function longTasks(page: Page, sinceMs = 0): Promise<{ longestMs: number; count: number; over200ms: number; top: [number, number][] }> {
  const all = await page.evaluate(() => (window as unknown as { __longTasks?: [number, number][] }).__longTasks ?? []);
  const durations = all.map(([, d]) => d);
  const top = [...all].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([t, d]): [number, number] => [t - sinceMs, d]);
  return { longestMs: Math.max(0, ...durations), count: all.length, over200ms: durations.filter((d) => d > 200).length, top };
}

/** Samples page heap and process memory every `everyMs` until stopped; keeps the peaks. */
export async function sampleMemory(page: Page, everyMs = 500) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const peak = { pageHeapMb: 0, rendererRssMb: 0, allRssMb: 0 };
  const tick = async () => {
    const m = await cdp.send('Performance.getMetrics').catch(() => null);
    const heap = m?.metrics.find((x) => x.name === 'JSHeapUsedSize')?.value ?? 0;
    const proc = chromiumMemory();
    peak.pageHeapMb = Math.max(peak.pageHeapMb, Math.round(heap / 1e6));
    peak.rendererRssMb = Math.max(peak.rendererRssMb, proc.rendererRssMb);
    peak.allRssMb = Math.max(peak.allRssMb, proc.allRssMb);
  };
  const timer = setInterval(() => void tick(), everyMs);
  return {
    peak,
    /** Page heap after a forced GC, and process memory now: what a run left behind. */
    async settled() {
      await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
      const m = await cdp.send('Performance.getMetrics');
      return { pageHeapMb: Math.round((m.metrics.find((x) => x.name === 'JSHeapUsedSize')?.value ?? 0) / 1e6), ...chromiumMemory() };
    },
    stop: () => clearInterval(timer),
  };
}
