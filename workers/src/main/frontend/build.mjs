// Bundles the browser code Rekber's pages use into one folder of static assets.
// Usage: node build.mjs <output dir>   (Maven passes target/classes/static/assets)
import { build } from 'esbuild';

const outdir = process.argv[2] || 'dist';

await build({
  entryPoints: {
    'task-form': 'src/task-form.js',
    'deal-diagram': 'src/deal-diagram.js',
    // Analysts' editors only: kept apart so members' pages never load them.
    studio: 'src/studio.js'
  },
  outdir,
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'iife',
  target: ['es2020'],
  legalComments: 'linked',
  loader: { '.png': 'file', '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file' },
  logLevel: 'info'
});
