import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the console server (`npm run up`) or nginx, same-origin with the APIs and the OIDC provider, so there is no
// dev-server proxy here: `npm run console:watch` rebuilds on change and the console server serves the new files.
export default defineConfig({
  plugins: [react()],
  // Ant Design and React make the first chunk about 300 kB gzipped; pages and ECharts are split off (README).
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1100 },
});
