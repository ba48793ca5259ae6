import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The server serves dist/ at / (packages/server/src/http/console.ts); assets live under
// /console-assets/ so they never collide with the API, the widget or the help center.
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'dist',
    assetsDir: 'console-assets',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    // One bundle (React, i18n, Markdown) is what the first load fetches; its time is measured by npm run bench:console.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', ws: true } },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    // A 2-core machine shared with the server's suite: two workers at most.
    maxWorkers: 2,
  },
});
