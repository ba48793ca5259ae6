import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The bundle is built by esbuild (build.ts); tests transform with Vite's oxc, told the same JSX setup.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    environment: 'node',
    // A 2-core machine shared with the server's suite: two workers at most.
    maxWorkers: 2,
  },
});
