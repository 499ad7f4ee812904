// Node built-ins only some commands need (child processes, line reading), loaded on first use with require().
// require() rather than import(): it works the same in the ESM library bundle and in the CommonJS CLI bundle,
// whose code runs through vm.Script (with V8's code cache), where import() of a module is not available.
import { createRequire } from 'node:module';

/** require() relative to this bundle: Node built-ins and the packages in the install's node_modules. */
export const packageRequire = createRequire(import.meta.url);

export const childProcess = (): typeof import('node:child_process') => packageRequire('node:child_process');
export const readline = (): typeof import('node:readline') => packageRequire('node:readline');
