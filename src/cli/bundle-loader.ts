// Runs a CommonJS bundle of awsh through vm.Script with V8's code cache (`<bundle>.cache`, written by the build).
// Why: on Node 20 compiling ~1 MB of JavaScript is the largest part of awsh's start-up, and Node 20 has no
// compile cache for modules; a classic script can reuse the bytecode V8 serialised after a warm-up run.
// A missing or rejected cache (another Node version or V8 flags) just means compiling as usual, and a fresh
// cache is written when the process exits.
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** Modules a bundle imports from the bundle that loads it, by their `src/...` path (see scripts/build.mjs). */
export type HostModules = Record<string, unknown>;

/** The `awsh-host:` prefix marks such an import in a bundle's require() calls. */
const HOST_PREFIX = 'awsh-host:';

export function loadBundle(file: string, hostModules: HostModules = {}): Record<string, unknown> {
  const cacheFile = `${file}.cache`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // latin1: the bundles are ASCII (esbuild escapes the rest), and decoding latin1 skips UTF-8 validation.
  const script = new Script(Module.wrap(readFileSync(file, 'latin1')), { filename: file, cachedData });
  if (!cachedData || script.cachedDataRejected || process.env.AWSH_WRITE_CODE_CACHE === '1') {
    // At exit the cache also holds the functions this run compiled lazily.
    process.once('exit', () => writeCodeCache(script, cacheFile));
  }
  const requireFromBundle = createRequire(file);
  const bundleRequire = (id: string): unknown =>
    id.startsWith(HOST_PREFIX) ? hostModules[id.slice(HOST_PREFIX.length)] : requireFromBundle(id);
  const module = { exports: {} as Record<string, unknown> };
  (script.runInThisContext() as (...args: unknown[]) => void).call(
    module.exports, module.exports, bundleRequire, module, file, dirname(file),
  );
  return module.exports;
}

/** Written to a temporary file and renamed, so a concurrent reader never sees half a cache. */
function writeCodeCache(script: Script, cacheFile: string): void {
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, cacheFile);
  } catch {
    // A read-only install keeps working without a cache.
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was written
    }
  }
}
