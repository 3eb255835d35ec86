/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// One self-contained IIFE: dist/widget.js, exposing window.SupportChat.
// CSS is imported with `?inline` (a string injected into the shadow root),
// so no stylesheet or chunk is emitted next to it.
export default defineConfig({
  build: {
    target: 'es2020',
    lib: {
      entry: 'src/index.ts',
      name: 'SupportChat',
      formats: ['iife'],
      fileName: () => 'widget.js',
    },
    // ASCII-only output: correct whatever charset the host page or server uses.
    rolldownOptions: { output: { charset: 'ascii' } },
  },
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
  },
});
