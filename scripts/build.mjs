// Builds awsh with esbuild, then emits type declarations with tsc (`--no-types` skips tsc).
//
// Two builds of the same sources:
// - The library (`dist/index.js`, what `import 'awsh'` loads): ES modules, split into chunks, so an embedder
//   loads the AWS cmdlets only when a script first uses one.
// - The CLI (`bin/awsh.js` → `dist/boot.cjs` → `dist/cli.cjs`): CommonJS bundles that src/cli/bundle-loader.ts
//   runs with V8's code cache, which Node 20 offers only to classic scripts. What start-up doesn't need goes into
//   lazy bundles loaded on first use: `aws.cjs` (the AWS cmdlets) and `extras.cjs` (the built-in cmdlets that load
//   on first use, Pester, completion). Every bundle shares the one copy of the runtime in cli.cjs: a lazy bundle's
//   imports of other code become `awsh-host:<path>` requires, answered by cli.cjs when it loads the bundle.
// AWS SDK packages stay external in both builds and load with require() on first use.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

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

await build({
  ...common,
  entryPoints: { index: 'src/index.ts', 'parser-bench': 'src/parser/index.ts' },
  outdir: 'dist',
  splitting: true,
  format: 'esm',
});

// ------------------------------------------------------------------------------------------------
// Which module goes into which CLI bundle, from the CLI's import graph.

const cliEntries = ['src/cli/main.ts', 'src/cli/boot.ts'];
const graph = (await build({ ...common, entryPoints: cliEntries, outdir: 'dist-graph', splitting: true, format: 'esm', write: false, metafile: true }))
  .metafile.inputs;
const sources = Object.keys(graph).filter((f) => f.startsWith('src/'));
const edges = (file) => graph[file].imports.filter((i) => !i.external && i.path.startsWith('src/'));

/** Files reachable from `starts` through static imports. */
function staticallyReachable(starts) {
  const seen = new Set();
  const stack = [...starts];
  while (stack.length) {
    const f = stack.pop();
    if (seen.has(f)) continue;
    seen.add(f);
    for (const i of edges(f)) if (i.kind !== 'dynamic-import') stack.push(i.path);
  }
  return seen;
}

const isAws = (path) => path.startsWith('src/cmdlets/aws/');
// Start-up code, plus the REPL (kept with it: starting the REPL should read one bundle), plus what AWS code
// imports (the AWS bundle takes those from cli.cjs).
const mainSet = staticallyReachable([...cliEntries, 'src/cli/repl.ts']);
for (const f of sources) if (isAws(f)) for (const i of edges(f)) if (!isAws(i.path)) mainSet.add(i.path);
const lazyBundles = {
  aws: new Set(sources.filter(isAws)),
  extras: new Set(sources.filter((f) => !isAws(f) && !mainSet.has(f))),
};
const bundleOf = (path) => Object.keys(lazyBundles).find((b) => lazyBundles[b].has(path)) ?? null;

/** For each lazy bundle: its entries (its modules imported from outside it) and what it imports from outside. */
const entries = Object.fromEntries(Object.keys(lazyBundles).map((b) => [b, new Set()]));
const hostImports = new Set();
for (const file of sources) {
  for (const i of edges(file)) {
    const from = bundleOf(file);
    const to = bundleOf(i.path);
    if (from === to) continue;
    if (to) {
      if (i.kind !== 'dynamic-import') throw new Error(`${file} imports ${i.path} statically: modules of ${to}.cjs must load lazily`);
      entries[to].add(i.path);
    }
    if (from) hostImports.add(i.path);
  }
}

/** `import * as mN` of each path. */
const namespaceImports = (paths) => paths.map((p, i) => `import * as m${i} from ${JSON.stringify(resolve(p))};`).join('\n');

/**
 * A relative import in a source file, resolved the way TypeScript sources write them (`./x.js` means `./x.ts`):
 * the `src/...` paths of the module and of its importer; null for anything else (and for this plugin's own lookup).
 */
async function sourceImport(pluginBuild, args) {
  if (args.pluginData?.resolving || args.namespace !== 'file') return null;
  const r = await pluginBuild.resolve(args.path, {
    kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { resolving: true },
  });
  return r.errors.length ? null : { path: relative(root, r.path), importer: relative(root, args.importer) };
}

const cjs = {
  ...common,
  format: 'cjs',
  // import.meta.url in CommonJS: the bundle file's URL (the loader passes the real __filename).
  define: { 'import.meta.url': '__awshModuleUrl' },
  banner: { js: 'var __awshModuleUrl=require("node:url").pathToFileURL(__filename).href;' },
};

// Each lazy bundle: an entry exporting its entry modules by path; imports of anything outside the bundle become
// `require("awsh-host:src/...")`.
for (const [name, members] of Object.entries(lazyBundles)) {
  const list = [...entries[name]].sort();
  await build({
    ...cjs,
    stdin: {
      contents: `${namespaceImports(list)}\nexport const modules = { ${list.map((p, i) => `${JSON.stringify(p)}: m${i}`).join(', ')} };\n`,
      resolveDir: root,
      sourcefile: `${name}-entry.js`,
    },
    outfile: `dist/${name}.cjs`,
    plugins: [{
      name: 'awsh-host-modules',
      setup(b) {
        b.onResolve({ filter: /^\.\.?\// }, async (args) => {
          const found = await sourceImport(b, args);
          if (!found || !members.has(found.importer) || members.has(found.path)) return undefined;
          const { path } = found;
          // import() of an external module would stay an import(), which code run by vm.Script can't do:
          // a dynamic import goes through a bundled stub that require()s the host module instead.
          if (args.kind === 'dynamic-import') return { path, namespace: 'awsh-host-stub' };
          return { path: `awsh-host:${path}`, external: true };
        });
        b.onResolve({ filter: /^awsh-host:/ }, (args) => ({ path: args.path, external: true }));
        b.onLoad({ filter: /.*/, namespace: 'awsh-host-stub' }, (args) => ({
          contents: `module.exports = require(${JSON.stringify(`awsh-host:${args.path}`)});`,
          loader: 'js',
        }));
      },
    }],
  });
}

// The CLI bundle. Imports of a lazy bundle's modules load that bundle (once) and take the module from it; the
// host table gives lazy bundles the runtime modules (and, through getters, the other lazy bundles' modules).
const hostList = [...hostImports].sort();
const loader = `
import { loadBundle } from ${JSON.stringify(resolve('src/cli/bundle-loader.ts'))};
${namespaceImports(hostList.filter((p) => !bundleOf(p)))}
const loaded = {};
const host = {
${hostList.map((p) => {
    const b = bundleOf(p);
    return b ? `  get ${JSON.stringify(p)}() { return lazyModule(${JSON.stringify(b)}, ${JSON.stringify(p)}); },` : `  ${JSON.stringify(p)}: m${hostList.filter((q) => !bundleOf(q)).indexOf(p)},`;
  }).join('\n')}
};
export function lazyModule(bundle, path) {
  loaded[bundle] ??= loadBundle(require("node:path").join(__dirname, bundle + ".cjs"), host).modules;
  return loaded[bundle][path];
}`;
await build({
  ...cjs,
  entryPoints: { cli: 'src/cli/main.ts', boot: 'src/cli/boot.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  plugins: [{
    name: 'awsh-lazy-bundles',
    setup(b) {
      b.onResolve({ filter: /^\.\.?\// }, async (args) => {
        const found = await sourceImport(b, args);
        const bundle = found && bundleOf(found.path);
        if (!bundle || bundleOf(found.importer)) return undefined;
        return { path: found.path, namespace: 'awsh-lazy', pluginData: { bundle } };
      });
      b.onResolve({ filter: /^awsh-lazy-loader$/ }, () => ({ path: 'awsh-lazy-loader', namespace: 'awsh-lazy-loader' }));
      b.onLoad({ filter: /.*/, namespace: 'awsh-lazy-loader' }, () => ({ contents: loader, resolveDir: root, loader: 'js' }));
      b.onLoad({ filter: /.*/, namespace: 'awsh-lazy' }, (args) => ({
        contents: `module.exports = require("awsh-lazy-loader").lazyModule(${JSON.stringify(args.pluginData.bundle)}, ${JSON.stringify(args.path)});`,
        resolveDir: root,
        loader: 'js',
      }));
    },
  }],
});

// Code run by vm.Script can't import(): a Node built-in must be require()d (see src/runtime/node-builtins.ts).
for (const file of readdirSync('dist').filter((f) => f.endsWith('.cjs'))) {
  const found = readFileSync(join('dist', file), 'latin1').match(/\bimport\(\s*["'][^"']*["']\s*\)/);
  if (found) throw new Error(`dist/${file} contains ${found[0]}: the CLI bundles can't run import()`);
}

// Code caches for the CLI bundles: one warm-up run compiles the usual start-up path and writes them at exit.
// -NoExit: the REPL then starts (and ends at once, its stdin being empty), so its start-up is compiled too.
execFileSync(process.execPath, [join(root, 'bin/awsh.js'), '-NoProfile', '-NonInteractive', '-NoExit', '-File', join(root, 'scripts/code-cache-warmup.ps1')], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, AWSH_WRITE_CODE_CACHE: '1', AWS_ACCESS_KEY_ID: 'warmup', AWS_SECRET_ACCESS_KEY: 'warmup', AWS_REGION: 'us-east-1' },
});

if (!process.argv.includes('--no-types')) {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.'], { stdio: 'inherit' });
}
