// Starts the production build (dist/, built by `npm test` before this project runs) on a free
// local port and checks that Debian's Chromium is installed.
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startPreview } from '../../support/preview-server';
import { chromiumPath } from './browser';

export default async function setup(project: TestProject) {
  chromiumPath(); // throws with install instructions when missing
  // WOLFIE_DIST lets several builds be tested side by side (e.g. `vite build --outDir /tmp/x`).
  const dist = process.env.WOLFIE_DIST ?? 'dist';
  if (!existsSync(`${dist}/index.html`)) throw new Error(`${dist}/ is missing: run \`npm run build\` before the e2e tests (npm test does).`);
  const server = await startPreview(dist);
  project.provide('baseURL', server.url);
  return () => server.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}
