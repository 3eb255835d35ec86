import preact from '@preact/preset-vite';
import { loadEnv } from 'vite';
import { defineConfig } from 'vitest/config';

// The API serves the built app at /admin/ (index.html for any unknown /admin/* path).
// `npm run dev` proxies /graphql (HTTP and WebSocket) to DASHBOARD_API_URL.
export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, '.', 'DASHBOARD_');
  const api = env.DASHBOARD_API_URL ?? 'http://127.0.0.1:8000';
  return {
    base: '/admin/',
    plugins: [preact()],
    build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
    server: {
      proxy: { '/graphql': { target: api, ws: true, changeOrigin: true } },
      // The dev server may serve only these: this app and the code it shares with the widget.
      fs: { allow: ['.', '../shared/src'] },
    },
    test: { include: ['src/**/*.test.ts'], environment: 'node' },
  };
});
