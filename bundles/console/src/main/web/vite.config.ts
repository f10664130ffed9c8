import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The build lands in the bundle's class folder, so maven-jar-plugin packs it as /static in the JAR.
const outDir = fileURLToPath(new URL('../../../target/classes/static', import.meta.url));

export default defineConfig({
  base: '/console/',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    // No data: URLs for fonts or scripts: the Content-Security-Policy only trusts files served by the console itself.
    assetsInlineLimit: 0,
  },
  server: {
    // `npm run dev` talks to a running Garrison server (self-signed certificate by default).
    proxy: {
      '/api': {
        target: process.env.GARRISON_URL ?? 'https://localhost:8443',
        changeOrigin: true,
        secure: false,
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/testing/setup.ts'],
    restoreMocks: true,
    unstubGlobals: true,
    // a journey of several pages may wait up to asyncUtilTimeout (setup.ts) at each step
    testTimeout: 30_000,
  },
});
