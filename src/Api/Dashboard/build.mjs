// Bundles the dashboard (Apache ECharts from node_modules, tree-shaken to the charts it draws) into ../wwwroot/dashboard:
// no CDN and no web font at run time.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';

const out = '../wwwroot/dashboard';
mkdirSync(out, { recursive: true });
await build({
  entryPoints: ['src/dashboard.js'],
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  outfile: `${out}/dashboard.js`,
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
copyFileSync('src/index.html', `${out}/index.html`);
copyFileSync('src/dashboard.css', `${out}/dashboard.css`);
