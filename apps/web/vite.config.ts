import { babelOptimizerPlugin } from '@graphql-codegen/client-preset';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions } from 'vite';
import { defineConfig } from 'vitest/config';
import { bootstrapQueries } from './bootstrap-queries.ts';
import { precompress } from './precompress.ts';
import { splitDocuments } from './split-documents.ts';
import { preloadRoute } from './preload-route.ts';
import { BOOTSTRAP_DOCUMENTS } from './src/app/bootstrap-documents.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Where `npm run dev` sends GraphQL (http and ws): the API of `npm start` unless API_URL says otherwise. */
const api = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root,
  // `es2015`: rxjs's ES2015 build rather than its ES5 one (smaller: no downlevelled classes).
  resolve: { conditions: ['es2015', ...defaultClientConditions] },
  plugins: [
    // Each GraphQL document in its own module, so each lands in the chunk of the pages using it.
    splitDocuments(),
    // The app is written against React 19's API and runs on Preact's compatibility layer: every import of
    // react and react-dom (ours, react-router's, Apollo's) resolves to preact/compat. React DOM alone is
    // ~60 KB of gzipped script; preact/compat is ~5 KB, and a cheap phone parses and runs the difference
    // on every cold load (README, "The web app").
    preact({
      reactAliasesEnabled: true,
      // Each graphql(`...`) call becomes an import of its own document from src/gql/graphql.ts, so a
      // page's chunk carries its documents and the first load is not handed every document of the app
      // (the client preset's graphql() looks documents up in one map of all of them).
      babel: { plugins: [[babelOptimizerPlugin, { artifactDirectory: './src/gql', gqlTagName: 'graphql' }]] },
    }),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script-defer',
      // The app shell (JS, CSS, HTML, icons) is precached; GraphQL answers are not (pages that must work
      // offline keep their own copy and say so).
      workbox: {
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest}'],
        navigateFallback: '/index.html',
        // Server routes that are not the app: the browser must reach the API for these.
        navigateFallbackDenylist: [
          /^\/(graphql|health|explorer|explorer-assets|calendar|badges|editions|floor-plans|logos\/|leads\/|credits\/|notifications\/unsubscribe)/,
        ],
      },
      includeAssets: ['icons/favicon.svg'],
      manifest: {
        name: 'HealthConnect conference',
        short_name: 'HealthConnect',
        description: 'Programme, schedule and badge for the HealthConnect conference',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0b4f6c',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
    // The programme (`/`) is the page most people open first: its code downloads with the entry.
    preloadRoute('/src/programme/ProgrammePage.tsx'),
    // Its first answers come inside the page: the API asks them with these texts.
    bootstrapQueries(BOOTSTRAP_DOCUMENTS),
    precompress(),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      // react-router reads React 19's useOptimistic when there is one and falls back without it (as on
      // React 18); preact/compat has none, which is expected here.
      onLog(level, log, handler) {
        if (log.code === 'IMPORT_IS_UNDEFINED' && log.message.includes('`useOptimistic`')) return;
        handler(level, log);
      },
      // The PWA plugin and precompress do their work after the bundle (by design): no timing report.
      checks: { pluginTimings: false },
      output: {
        // The programme (`/`, the page most people open first) and everything it imports come as one chunk
        // beside the entry, not as ~20 small ones: on a slow link each request costs a round trip.
        codeSplitting: {
          groups: [{ name: 'programme', test: /src[\\/]programme[\\/]ProgrammePage\.tsx$/ }],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/graphql': { target: api, changeOrigin: true, ws: true } },
  },
  test: {
    root,
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
});
