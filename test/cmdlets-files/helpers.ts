// Shared helpers for the file cmdlet tests: a temp directory per test and a cmdlet lookup.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CmdletDecl } from '../../src/runtime/cmdlet-api.js';
import { runCmdlet, type RunOptions } from '../cmdlets/fake-context.js';
import { cmdlets as fileCmdlets } from '../../src/cmdlets/core/file-cmdlets.js';
import { cmdlets as pathCmdlets } from '../../src/cmdlets/core/path-cmdlets.js';
import { cmdlets as contentCmdlets } from '../../src/cmdlets/core/content-cmdlets.js';
import { cmdlets as selectString } from '../../src/cmdlets/core/select-string.js';
import { cmdlets as objectCmdlets } from '../../src/cmdlets/core/object-cmdlets.js';
import { tempDir } from '../temp-dir.js';

const all: CmdletDecl[] = [...fileCmdlets, ...pathCmdlets, ...contentCmdlets, ...selectString, ...objectCmdlets];

export function decl(name: string): CmdletDecl {
  const d = all.find((c) => c.name.toLowerCase() === name.toLowerCase());
  if (!d) throw new Error(`no cmdlet ${name}`);
  return d;
}

export function makeTempDir(): string {
  return fs.realpathSync(tempDir('awsh-files-'));
}

/** Run a cmdlet by name with cwd = dir. */
export function run(name: string, params: Record<string, unknown>, dir: string, options: RunOptions = {}) {
  return runCmdlet(decl(name), params, { cwd: dir, ...options });
}

export function errorOf(e: unknown): { message: string; errorId: string; category?: string; exceptionType?: string } {
  return e as { message: string; errorId: string; category?: string; exceptionType?: string };
}
