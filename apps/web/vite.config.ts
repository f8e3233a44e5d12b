import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions } from 'vite';
import { defineConfig } from 'vitest/config';
import { precompress } from './precompress';
import { preloadRoute } from './preload-route';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Where `npm run dev` sends GraphQL (http and ws): the API of `npm start` unless API_URL says otherwise. */
const api = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root,
  // React 19 lives in this workspace; the root keeps React 18 for the API's GraphiQL explorer. Every
  // import of react (from react-router, Apollo...) must get this one.
  // `es2015`: rxjs's ES2015 build rather than its ES5 one (smaller: no downlevelled classes).
  resolve: { dedupe: ['react', 'react-dom'], conditions: ['es2015', ...defaultClientConditions] },
  plugins: [
    react(),
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
          /^\/(graphql|health|explorer|explorer-assets|calendar|badges|editions|floor-plans|leads\/|credits\/|notifications\/unsubscribe)/,
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
    precompress(),
  ],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
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
