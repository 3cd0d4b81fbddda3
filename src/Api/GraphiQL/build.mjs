// Bundles GraphiQL (graphiql + react + react-dom from node_modules) into ../wwwroot/graphiql: no CDN at run time.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';

const out = '../wwwroot/graphiql';
mkdirSync(out, { recursive: true });
await build({
  entryPoints: ['src/index.jsx'],
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  outfile: `${out}/graphiql.js`,
  define: { 'process.env.NODE_ENV': '"production"' },
  jsx: 'automatic',
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file' },
  logLevel: 'warning',
});
copyFileSync('src/index.html', `${out}/index.html`);
