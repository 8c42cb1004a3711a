// Adds up the fuzz bench's per-run reports: outcomes per container and per mutation family, the
// most common reasons, and the findings (files without a row, unclear reasons, hangs, failed
// runs) with what is needed to regenerate each: the seed and the file's index.
import type { FileOutcome, FolderReport } from '../../support/fuzz-pipeline';

export interface Tally {
  files: number;
  healthy: number;
  reason: number;
  missing: number;
  hung: number;
  unclear: number;
  /** Of the files with a reason: whose tags were read anyway, and which were analysed anyway. */
  tags_read: number;
  analysed: number;
}

const empty = (): Tally => ({ files: 0, healthy: 0, reason: 0, missing: 0, hung: 0, unclear: 0, tags_read: 0, analysed: 0 });
const KEPT_FINDINGS = 25;

export interface Finding {
  run: number;
  index?: number;
  path?: string;
  what?: string;
  detail: string;
}

export class FuzzTally {
  readonly total = empty();
  readonly byContainer: Record<string, Tally> = {};
  readonly byFamily: Record<string, Tally> = {};
  readonly findings = { failedRuns: [] as Finding[], missing: [] as Finding[], unclear: [] as Finding[], hung: [] as Finding[] };
  private readonly reasons = new Map<string, number>();
  readonly stepSeconds: Record<string, number> = {};
  runs = 0;
  failedRuns = 0;
  outerTimeouts = 0;
  workerTimeouts = 0;
  workerCrashes = 0;
  runsMentioningTimeout = 0;
  runSeconds: number[] = [];

  addReport(run: number, report: FolderReport): void {
    this.runs++;
    this.runSeconds.push(report.seconds);
    if (report.state !== 'succeeded' || report.error) this.failRun(run, `run ${report.state}: ${report.error}`);
    this.workerTimeouts += report.workerTimeouts;
    this.workerCrashes += report.workerCrashes;
    if (report.timeoutLogs > 0 || report.files.some((f) => f.hung)) this.runsMentioningTimeout++;
    for (const [step, s] of Object.entries(report.steps)) this.stepSeconds[step] = (this.stepSeconds[step] ?? 0) + s;
    for (const f of report.files) this.addFile(run, f);
  }

  /** A run that threw, whose process died, or that never answered. */
  failRun(run: number, detail: string): void {
    this.failedRuns++;
    if (this.findings.failedRuns.length < KEPT_FINDINGS) this.findings.failedRuns.push({ run, detail: detail.slice(0, 2_000) });
  }

  private addFile(run: number, f: FileOutcome): void {
    for (const t of [this.total, (this.byContainer[f.container] ??= empty()), (this.byFamily[f.family] ??= empty())]) {
      t.files++;
      t[f.outcome]++;
      if (f.hung) t.hung++;
      if (f.unclear.length) t.unclear++;
      if (f.outcome === 'reason' && !f.tagError) t.tags_read++;
      if (f.outcome === 'reason' && !f.analysisError) t.analysed++;
    }
    const finding = (detail: string) => ({ run, index: f.index, path: f.path, what: f.what, detail });
    if (f.outcome === 'missing' && this.findings.missing.length < KEPT_FINDINGS) this.findings.missing.push(finding(`no ${f.missing.join(', ')} row`));
    if (f.unclear.length && this.findings.unclear.length < KEPT_FINDINGS) this.findings.unclear.push(finding(f.unclear.join(' | ')));
    if (f.hung && this.findings.hung.length < KEPT_FINDINGS) this.findings.hung.push(finding(f.reasons.join(' | ')));
    for (const r of f.reasons) {
      // Grouped without the file's own path and numbers, so one kind of reason counts once.
      const kind = r.split(`${f.path}: `).join('').replace(/\d+/g, '#').slice(0, 160);
      this.reasons.set(kind, (this.reasons.get(kind) ?? 0) + 1);
    }
  }

  topReasons(n = 12): [string, number][] {
    return [...this.reasons].sort((a, b) => b[1] - a[1]).slice(0, n);
  }
}
