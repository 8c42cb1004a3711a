/// <reference types="vitest/config" />
// Build and test configuration. The app is a static PWA: everything it needs is bundled,
// nothing is fetched from another origin at run time.
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';
import { readFileSync } from 'node:fs';
import { patchDuckdbGlue } from './src/lakehouse/engine/duckdb-startup-patch.ts';

// The Content-Security-Policy, in one place: the build puts it in the built index.html as a
// <meta http-equiv> and sends it as a header from `vite preview` (npm start).
//
// Why each exception exists:
// - script-src 'wasm-unsafe-eval': DuckDB, essentia and the audio decoders compile WebAssembly.
//   It allows WebAssembly compilation only; JavaScript eval and inline scripts stay blocked.
// - worker-src blob:: libraries that wrap an inline worker source in a Blob URL (and the dev server).
// - style-src-attr 'unsafe-inline': Solid compiles constant style={{…}} props into the template's
//   markup, which the browser parses as style attributes. Style attributes cannot run code;
//   <style> elements and stylesheets (style-src-elem) stay 'self' only.
// - img-src/media-src blob: data:: waveforms, cover art and playback come from local files.
// - connect-src 'self': the app never talks to another origin (blob: for reading local files).
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self' blob:",
  "style-src 'self'",
  "style-src-elem 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob:",
  "font-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

// essentia.js's Emscripten glue (embind) builds functions with new Function(), so the analysis
// worker, and only that worker script, is served with 'unsafe-eval' added. A dedicated worker
// runs under the policy of its own script response, so the page and every other worker keep
// the strict policy.
const ANALYSIS_WORKER_SCRIPT = /\/assets\/analysis\.worker-[\w-]+\.js$/;
const ANALYSIS_WORKER_POLICY = CONTENT_SECURITY_POLICY.replace("script-src 'self' 'wasm-unsafe-eval'", "script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'");

export default defineConfig({
  plugins: [
    solid(),
    {
      name: 'wolfie-csp-header',
      // `vite preview` (npm start) sends the policy as a header, plus what only a header can carry (frame-ancestors).
      configurePreviewServer(server) {
        server.middlewares.use((req, res, next) => {
          const path = (req.url ?? '').split('?')[0] ?? '';
          res.setHeader('Content-Security-Policy', `${ANALYSIS_WORKER_SCRIPT.test(path) ? ANALYSIS_WORKER_POLICY : CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
          next();
        });
      },
    },
    // DuckDB's worker script ships with the start-up patches of src/lakehouse/engine/duckdb-startup-patch.ts.
    // Emitted as our own asset, so its file name hashes the patched code. The dev server serves
    // the unpatched file, which behaves the same, only slower to start.
    {
      name: 'wolfie-duckdb-startup',
      apply: 'build',
      enforce: 'pre',
      load(id) {
        if (!/duckdb-browser-eh\.worker\.js\?url$/.test(id)) return null;
        const source = patchDuckdbGlue(readFileSync(id.replace(/\?url$/, ''), 'utf8'));
        const ref = this.emitFile({ type: 'asset', name: 'duckdb-browser-eh.worker.js', source });
        return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
      },
    },
    // The CSP goes into the built page only: the dev server injects <style> elements for HMR.
    {
      name: 'wolfie-csp-meta',
      apply: 'build',
      transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
    },
    // The installable PWA: the service worker precaches the shell and every worker, WASM and font
    // so a reload offline still ingests and queries. 'prompt' so new code never swaps itself in:
    // src/ui/components/UpdatePrompt.tsx asks first and waits for the pipeline to be idle.
    VitePWA({
      registerType: 'prompt',
      injectRegister: null, // registered from UpdatePrompt.tsx: no inline script, so the CSP stays strict
      includeManifestIcons: false, // the glob below already takes every icon in public/
      manifest: {
        name: 'Wolfie',
        short_name: 'Wolfie',
        description: 'Understand your music collection. Local-first: nothing leaves your browser.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#3b4fd8',
        background_color: '#111318',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Every worker, WASM module and font, not only JS/CSS/HTML; source maps stay out.
        globPatterns: ['**/*.{js,mjs,css,html,wasm,svg,png,ico,woff,woff2,ttf,json}'],
        globIgnores: ['**/*.map', 'demo/**'],
        // duckdb-eh.wasm is ~34 MB; the default 2 MiB limit would silently leave it out.
        maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/demo\//],
        cleanupOutdatedCaches: true,
        // A first install takes the open page at once (same version, so nothing swaps), which
        // lets its later lazy chunks come from the cache; updates still wait for consent.
        clientsClaim: true,
        // The demo library (~6 MB) is fetched only when someone tries it, then kept for offline use.
        runtimeCaching: [
          { urlPattern: ({ url }) => url.pathname.startsWith('/demo/'), handler: 'CacheFirst', options: { cacheName: 'wolfie-demo' } },
        ],
      },
    }),
  ],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 2000 },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'essentia.js'] },
  preview: {
    port: Number(process.env.PORT ?? 4173),
    strictPort: true,
    host: '127.0.0.1',
  },
  test: {
    // Every test runs in Node (the browser tests drive real Chromium); without this,
    // vite-plugin-solid defaults the environment to jsdom, which is not installed.
    environment: 'node',
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', setupFiles: ['tests/support/fast-check-seed.ts'] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 120_000,
          setupFiles: ['tests/support/fast-check-seed.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          globalSetup: ['tests/e2e/support/global-setup.ts'],
        },
      },
    ],
  },
});
