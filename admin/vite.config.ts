import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The API the dev server forwards to: `npm start` in another terminal. */
const API = process.env.RETI_API ?? 'http://localhost:4000';

// The same server serves the build at /admin; in development Vite serves the console with hot
// reload and forwards /graphql, so the refresh cookie stays same-origin.
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  server: { proxy: { '/graphql': API } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2500 },
});
