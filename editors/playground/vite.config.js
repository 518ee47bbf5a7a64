import { defineConfig } from 'vite';

// A static site: relative asset paths, so dist/ works from any folder or host.
export default defineConfig({
  base: './',
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
  // The examples are read from the repository's test-corpus/examples.
  server: { fs: { allow: ['../..'] } },
});
