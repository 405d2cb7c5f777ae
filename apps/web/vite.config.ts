import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiTarget = `http://127.0.0.1:${process.env.API_PORT ?? 8080}`;

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    // The shell (React, router, antd core) is one chunk; every page is its own lazy chunk (see src/app/routes.tsx).
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      // Two pages: the console (index.html) and the citizen portal (citizen.html, served under /c),
      // which shares no UI library with the console so its first load stays small.
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        citizen: resolve(import.meta.dirname, 'citizen.html'),
      },
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
              priority: 30,
            },
            { name: 'leaflet', test: /node_modules[\\/]leaflet[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
});
