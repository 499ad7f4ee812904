// Restricted mode: the boundaries a shell keeps when it runs scripts its host did not write.
import { realpathSync } from 'node:fs';
import * as nodePath from 'node:path';
import { runtimeError, type PSRuntimeError } from '../errors.js';
import { wildcardToRegExp } from '../values/wildcard.js';

export interface RestrictedOptions {
  /** Commands the script may run (names with wildcards). Functions the script defines itself are always allowed. */
  commands?: string[];
  /** The only folder tree the script may read or write; default: no file system access at all. */
  fileSystemRoot?: string;
  /** Whether `$env:` and the environment are visible (default false). */
  allowEnvironment?: boolean;
  /** AWS services the script may call (service prefixes such as 'S3'); default none. */
  allowNetwork?: string[];
  /** Wall-clock limit for one invocation. */
  maxRunTimeMs?: number;
  /** Output objects one invocation may produce. */
  maxOutputObjects?: number;
  /** Largest collection a script may build at once (ranges, repetition). */
  maxMemoryObjects?: number;
}

/** .NET types whose static members reach outside the interpreter (files, processes, environment, reflection). */
const BLOCKED_TYPES = [
  /^system\.io\.(file|directory|fileinfo|directoryinfo|filestream|streamreader|streamwriter|path)$/,
  /^system\.environment$/,
  /^system\.diagnostics\./,
  /^system\.reflection\./,
  /^system\.runtime\./,
  /^system\.net\./,
  /^system\.management\.automation\.(powershell|runspaces\.)/,
  /^system\.appdomain$/,
  /^system\.activator$/,
  /^system\.type$/,
];

export class RestrictedPolicy {
  private readonly allow: RegExp[] | null;
  private readonly root: string | null;
  readonly deadline: number | null;

  constructor(readonly options: RestrictedOptions) {
    this.allow = options.commands ? options.commands.map((c) => wildcardToRegExp(c, false)) : null;
    this.root = options.fileSystemRoot ? realpathSync(nodePath.resolve(options.fileSystemRoot)) : null;
    this.deadline = null;
  }

  commandAllowed(name: string): boolean {
    if (this.allow === null) return true;
    return this.allow.some((re) => re.test(name));
  }

  commandBlocked(name: string): PSRuntimeError {
    return runtimeError(`The command '${name}' is not allowed in this restricted shell.`, 'CommandNotAllowed', {
      category: 'PermissionDenied',
      exceptionType: 'System.Management.Automation.CommandNotFoundException',
      target: name,
    });
  }

  /** Check a resolved path: it must stay inside the root, also after following symbolic links. */
  checkPath(resolved: string): string {
    if (this.root === null) throw this.pathBlocked(resolved);
    const inside = (p: string) => p === this.root || p.startsWith(this.root + nodePath.sep);
    if (!inside(resolved)) throw this.pathBlocked(resolved);
    // Follow links on the longest existing prefix, so a link inside the root can't point outside it.
    let existing = resolved;
    let rest = '';
    for (;;) {
      try {
        const real = realpathSync(existing);
        if (!inside(real)) throw this.pathBlocked(resolved);
        return rest ? nodePath.join(real, rest) : real;
      } catch (e) {
        if ((e as { errorRecord?: unknown }).errorRecord) throw e;
        const parent = nodePath.dirname(existing);
        if (parent === existing) throw this.pathBlocked(resolved);
        rest = rest ? nodePath.join(nodePath.basename(existing), rest) : nodePath.basename(existing);
        existing = parent;
      }
    }
  }

  pathBlocked(path: string): PSRuntimeError {
    return runtimeError(`Access to the path '${path}' is denied in this restricted shell.`, 'PathNotAllowed', {
      category: 'PermissionDenied',
      exceptionType: 'System.UnauthorizedAccessException',
      target: path,
    });
  }

  typeAllowed(fullName: string): boolean {
    const n = fullName.toLowerCase();
    return !BLOCKED_TYPES.some((re) => re.test(n));
  }

  typeBlocked(fullName: string): PSRuntimeError {
    return runtimeError(`The type [${fullName}] is not allowed in this restricted shell.`, 'TypeNotAllowed', {
      category: 'PermissionDenied',
      target: fullName,
    });
  }

  limitError(what: string): PSRuntimeError {
    const err = runtimeError(`The script exceeded the ${what} limit of this restricted shell.`, 'RestrictedLimitExceeded', {
      category: 'LimitsExceeded',
    });
    err.scriptTerminating = true;
    return err;
  }
}
