// `#requires` statements of a script file: pwsh checks them before the script runs (CommandDiscovery's
// VerifyScriptRequirements) and refuses to run it with a ScriptRequiresException when one is not met.
import * as nodePath from 'node:path';
import { runtimeError } from '../errors.js';
import type { Session } from './session.js';
import { PSVERSION } from './session.js';
import { findModuleFile } from './modules.js';
import { isBuiltInModule } from './built-in-modules.js';

interface Requirements {
  version: string | null;
  editions: string[];
  modules: string[];
  runAsAdministrator: boolean;
}

const REQUIRES_LINE = /^[ \t]*#requires[ \t]+(.*)$/gim;

/** Throws ScriptRequiresException when the script at `path` (source `text`) requires what this session lacks. */
export function checkScriptRequirements(session: Session, text: string, path: string): void {
  // Cheap test first: most scripts have no #requires.
  if (!/#requires/i.test(text)) return;
  const req = parseRequirements(text);
  const name = nodePath.basename(path);
  if (req.version !== null && !isValidPSVersion(req.version)) {
    fail(
      `The script '${name}' cannot be run because it contained a "#requires" statement for PowerShell ${req.version}. The version of PowerShell that is required by the script does not match the currently running version of PowerShell ${PSVERSION}.`,
      'ScriptRequiresUnmatchedPSVersion',
    );
  }
  if (req.editions.length && !req.editions.some((e) => e.toLowerCase() === 'core')) {
    fail(
      `The script '${name}' cannot be run because it contained a "#requires" statement for PowerShell editions '${req.editions.join(',')}'. The edition of PowerShell that is required by the script does not match the currently running PowerShell Core edition.`,
      'ScriptRequiresUnmatchedPSEdition',
    );
  }
  if (req.runAsAdministrator && typeof process.getuid === 'function' && process.getuid() !== 0) {
    fail(
      `The script '${name}' cannot be run because it contains a "#requires" statement for running as Administrator. The current PowerShell session is not running as Administrator. Start PowerShell by using the Run as Administrator option, and then try running the script again.`,
      'ScriptRequiresElevation',
    );
  }
  // The first missing module fails the script (pwsh loads them in order).
  const missing = req.modules.find((m) => !moduleAvailable(session, m));
  if (missing !== undefined) {
    fail(
      `The script '${name}' cannot be run because the following modules that are specified by the "#requires" statements of the script are missing: The module '${missing}' cannot be found..`,
      'ScriptRequiresMissingModules',
    );
  }
}

function fail(message: string, errorId: string): never {
  throw runtimeError(message, errorId, { category: 'ResourceUnavailable', exceptionType: 'System.Management.Automation.ScriptRequiresException' });
}

function parseRequirements(text: string): Requirements {
  const req: Requirements = { version: null, editions: [], modules: [], runAsAdministrator: false };
  for (const m of text.matchAll(REQUIRES_LINE)) {
    // `-Name value[, value...]` options; a module may be a hashtable (`@{ModuleName='X'; ModuleVersion='1.0'}`).
    for (const opt of m[1]!.split(/(?:^|\s)-(?=[A-Za-z])/).filter((o) => o.trim() !== '')) {
      const [, key = '', rest = ''] = /^([A-Za-z]+)\s*(.*)$/s.exec(opt.trim()) ?? [];
      const k = key.toLowerCase();
      if (k === 'version' || k === 'psversion') req.version = rest.trim();
      else if (k === 'psedition') req.editions.push(...listValues(rest));
      else if (k === 'runasadministrator') req.runAsAdministrator = true;
      else if (k === 'modules' || k === 'module') req.modules.push(...moduleNames(rest));
    }
  }
  return req;
}

function listValues(s: string): string[] {
  return s.split(',').map((v) => v.trim().replace(/^['"]|['"]$/g, '')).filter(Boolean);
}

function moduleNames(s: string): string[] {
  const names: string[] = [];
  const specs = s.replace(/@\{[^}]*\}/g, (spec) => {
    const n = /ModuleName\s*=\s*['"]?([^'";}]+)/i.exec(spec);
    if (n) names.push(n[1]!.trim());
    return '';
  });
  return [...names, ...listValues(specs)];
}

/** pwsh's PSVersionInfo.IsValidPSVersion: the versions this PowerShell can stand in for. */
function isValidPSVersion(text: string): boolean {
  const m = /^(\d+)(?:\.(\d+))?(?:\.\d+){0,2}$/.exec(text);
  if (!m) return false;
  const major = Number(m[1]);
  const minor = Number(m[2] ?? 0);
  const currentMinor = Number(PSVERSION.split('.')[1]);
  if (major >= 1 && major <= 4) return minor === 0;
  if (major === 5) return minor <= 1;
  if (major === 6) return minor <= 2;
  if (major === 7) return minor <= currentMinor;
  return false;
}

function moduleAvailable(session: Session, name: string): boolean {
  if (isBuiltInModule(name) || [...session.modules.keys()].some((k) => k.toLowerCase() === name.toLowerCase())) return true;
  return findModuleFile(session, name) !== null;
}
