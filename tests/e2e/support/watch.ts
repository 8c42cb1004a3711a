// Watches a browser context for what a privacy check must catch: any request to another origin
// (pages, dedicated workers and the service worker) and any Content-Security-Policy refusal.
import type { BrowserContext, Page } from 'playwright-core';

export interface Watch {
  requests: string[];
  foreign: string[];
  cspViolations: string[];
  /** Also listen on a page opened after the watch began. */
  page(page: Page): void;
}

export function watchContext(context: BrowserContext, baseURL: string): Watch {
  const origin = new URL(baseURL).origin;
  const w: Watch = { requests: [], foreign: [], cspViolations: [], page: () => undefined };
  const onUrl = (u: string) => {
    w.requests.push(u);
    // blob: and data: never touch the network; everything else must be this origin.
    if (/^(blob|data):/.test(u)) return;
    if (new URL(u).origin !== origin) w.foreign.push(u);
  };
  context.on('request', (r) => onUrl(r.url()));
  context.on('serviceworker', (sw) => sw.on('console', (m) => /Refused to/.test(m.text()) && w.cspViolations.push(`[sw] ${m.text()}`)));
  w.page = (page: Page) => {
    page.on('console', (m) => {
      if (/Refused to|Content Security Policy/.test(m.text())) w.cspViolations.push(m.text());
    });
    page.on('worker', (worker) => worker.on('console', (m) => /Refused to/.test(m.text()) && w.cspViolations.push(`[worker] ${m.text()}`)));
  };
  for (const p of context.pages()) w.page(p);
  context.on('page', (p) => w.page(p));
  // securitypolicyviolation catches refusals that print nothing (e.g. a blocked style attribute).
  void context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`Refused to load (CSP ${e.effectiveDirective}): ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return w;
}
