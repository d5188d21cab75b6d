// webpack 5 with nothing configured for citecard: it follows the package's
// `import('./…')` and `new URL('./…', import.meta.url)` by itself.
import { fileURLToPath } from 'node:url';

export default {
  mode: 'production',
  entry: './src/main.js',
  output: { path: fileURLToPath(new URL('./out-webpack', import.meta.url)), clean: true },
  performance: { hints: false },
};
