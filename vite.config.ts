import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** In development the API runs separately (`loopwise serve` on port 3000); Vite proxies to it. */
const apiServer = 'http://localhost:3000';

export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // File names under assets/ carry a content hash (Vite's default, kept explicit): the server
    // serves /assets/* as immutable and index.html as no-cache.
    assetsDir: 'assets',
    rollupOptions: {
      output: {
        entryFileNames: 'assets/[name]-[hash].js',
        chunkFileNames: 'assets/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
  server: {
    proxy: {
      '/api': apiServer,
      '/healthz': apiServer,
      '/readyz': apiServer,
      '/docs': apiServer,
    },
  },
  preview: {
    proxy: {
      '/api': apiServer,
      '/healthz': apiServer,
      '/readyz': apiServer,
      '/docs': apiServer,
    },
  },
});
