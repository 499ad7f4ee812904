// Builds awsh with esbuild, then emits type declarations with tsc (`--no-types` skips tsc).
//
// Two builds of the same sources:
// - The library (`dist/index.js`, what `import 'awsh'` loads): ES modules, split into chunks, so an embedder
//   loads the AWS cmdlets only when a script first uses one.
// - The CLI (`bin/awsh.js` → `dist/boot.cjs` → `dist/cli.cjs`, AWS cmdlets in `dist/aws.cjs`): CommonJS bundles
//   that src/cli/bundle-loader.ts runs with V8's code cache, which Node 20 offers only to classic scripts.
//   The two CLI bundles share one copy of the runtime: aws.cjs imports the runtime modules it needs from
//   cli.cjs (`awsh-host:` requires), and cli.cjs loads aws.cjs the first time its code imports an AWS module.
// AWS SDK packages stay external in both builds and load with require() on first use.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const awsDir = 'src/cmdlets/aws/';
const isAws = (path) => path.startsWith(awsDir);

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  legalComments: 'none',
  // Less source text to compile at start-up; identifiers keep their names (class names show in type names).
  minifyWhitespace: true,
  minifySyntax: true,
  external: ['@aws-sdk/*', '@smithy/*'],
  logLevel: 'warning',
};

rmSync('dist', { recursive: true, force: true });

const library = await build({
  ...common,
  entryPoints: { index: 'src/index.ts', 'parser-bench': 'src/parser/index.ts' },
  outdir: 'dist',
  splitting: true,
  format: 'esm',
  metafile: true,
});

// Which modules cross the line between the AWS bundle and the rest, from the library build's import graph.
const awsEntries = new Set(); // AWS modules that other code imports (always with import(), so they load lazily)
const hostModules = new Set(); // other modules that AWS code imports
for (const [file, input] of Object.entries(library.metafile.inputs)) {
  for (const imp of input.imports) {
    if (imp.external || !imp.path.startsWith('src/')) continue;
    if (isAws(file) && !isAws(imp.path)) hostModules.add(imp.path);
    if (!isAws(file) && isAws(imp.path)) {
      if (imp.kind !== 'dynamic-import') throw new Error(`${file} imports ${imp.path} statically: AWS modules must load lazily`);
      awsEntries.add(imp.path);
    }
  }
}

/** `import * as mN` of each path, and an object literal naming them by path. */
function namespaceTable(paths) {
  const list = [...paths].sort();
  const imports = list.map((p, i) => `import * as m${i} from ${JSON.stringify(resolve(p))};`).join('\n');
  const table = `{ ${list.map((p, i) => `${JSON.stringify(p)}: m${i}`).join(', ')} }`;
  return { imports, table };
}

/** Resolves a relative import the way TypeScript sources write them (`./x.js` means `./x.ts`). */
async function resolveSource(pluginBuild, args) {
  const r = await pluginBuild.resolve(args.path, {
    kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { resolving: true },
  });
  return r.errors.length ? null : relative(root, r.path);
}

const cjs = {
  ...common,
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  outdir: 'dist',
  // import.meta.url in CommonJS: the bundle file's URL (the loader passes the real __filename).
  define: { 'import.meta.url': '__awshModuleUrl' },
  banner: { js: 'var __awshModuleUrl=require("node:url").pathToFileURL(__filename).href;' },
};

// The AWS bundle: its imports of host modules become `require("awsh-host:src/...")`.
const aws = namespaceTable(awsEntries);
await build({
  ...cjs,
  stdin: { contents: `${aws.imports}\nexport const modules = ${aws.table};\n`, resolveDir: root, sourcefile: 'aws-entry.js' },
  outfile: 'dist/aws.cjs',
  outdir: undefined,
  outExtension: undefined,
  plugins: [{
    name: 'awsh-host-modules',
    setup(b) {
      b.onResolve({ filter: /^\.\.?\// }, async (args) => {
        if (args.pluginData?.resolving) return undefined;
        const path = await resolveSource(b, args);
        if (!path || !isAws(relative(root, args.importer)) || isAws(path)) return undefined;
        if (!hostModules.has(path)) throw new Error(`AWS code imports ${path}, missing from the library build's graph`);
        return { path: `awsh-host:${path}`, external: true };
      });
    },
  }],
});

// The CLI bundle: imports of AWS modules load dist/aws.cjs (once) and take that module from it.
const host = namespaceTable(hostModules);
const awsLoader = `
import { loadBundle } from ${JSON.stringify(resolve('src/cli/bundle-loader.ts'))};
${host.imports}
let loaded = null;
export function awsModule(path) {
  loaded ??= loadBundle(require("node:path").join(__dirname, "aws.cjs"), ${host.table}).modules;
  return loaded[path];
}`;
await build({
  ...cjs,
  entryPoints: { cli: 'src/cli/main.ts', boot: 'src/cli/boot.ts' },
  plugins: [{
    name: 'awsh-aws-bundle',
    setup(b) {
      b.onResolve({ filter: /^\.\.?\// }, async (args) => {
        if (args.pluginData?.resolving || args.namespace !== 'file') return undefined;
        const path = await resolveSource(b, args);
        if (!path || !isAws(path) || isAws(relative(root, args.importer))) return undefined;
        return { path, namespace: 'awsh-aws' };
      });
      b.onResolve({ filter: /^awsh-aws-loader$/ }, () => ({ path: 'awsh-aws-loader', namespace: 'awsh-aws-loader' }));
      b.onLoad({ filter: /.*/, namespace: 'awsh-aws-loader' }, () => ({ contents: awsLoader, resolveDir: root, loader: 'js' }));
      b.onLoad({ filter: /.*/, namespace: 'awsh-aws' }, (args) => ({
        contents: `module.exports = require("awsh-aws-loader").awsModule(${JSON.stringify(args.path)});`,
        resolveDir: root,
        loader: 'js',
      }));
    },
  }],
});

// Code caches for the CLI bundles: one warm-up run compiles the usual start-up path and writes them at exit.
// -NoExit: the REPL then starts (and ends at once, its stdin being empty), so its start-up is compiled too.
execFileSync(process.execPath, [join(root, 'bin/awsh.js'), '-NoProfile', '-NonInteractive', '-NoExit', '-File', join(root, 'scripts/code-cache-warmup.ps1')], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, AWSH_WRITE_CODE_CACHE: '1', AWS_ACCESS_KEY_ID: 'warmup', AWS_SECRET_ACCESS_KEY: 'warmup', AWS_REGION: 'us-east-1' },
});

if (!process.argv.includes('--no-types')) {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.'], { stdio: 'inherit' });
}
