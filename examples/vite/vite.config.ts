import { defineConfig } from 'vite';

export default defineConfig({
  // `vite dev` pre-bundles dependencies into node_modules/.vite, away from
  // citecard's wasm files; `vite build` needs nothing.
  optimizeDeps: { exclude: ['citecard'] },
});
