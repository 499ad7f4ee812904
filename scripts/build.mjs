// Bundles the CLI and the library with esbuild (a bundle starts much faster than hundreds of ESM modules),
// then emits type declarations with tsc. AWS SDK clients stay external and load lazily on first use.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { index: 'src/index.ts', cli: 'src/cli/main.ts', 'parser-bench': 'src/parser/index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  legalComments: 'none',
  // Less source text to compile at start-up; identifiers keep their names (class names show in type names).
  minifyWhitespace: true,
  minifySyntax: true,
  external: ['@aws-sdk/*', '@smithy/*'],
  logLevel: 'warning',
});
if (!process.argv.includes('--no-types')) {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.'], { stdio: 'inherit' });
}
