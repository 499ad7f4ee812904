import { existsSync, statSync } from 'node:fs';
// Command-line parsing, following pwsh's CommandLineParameterParser: parameter names are case-insensitive,
// may be shortened to any prefix at least as long as their shortest unambiguous form, and start with `-` or `--`.

export type CliMode =
  | { kind: 'command'; script: string }
  /** `-Command -`: the script comes from stdin. */
  | { kind: 'stdin' }
  | { kind: 'file'; path: string; args: string[] }
  | { kind: 'interactive' };

export interface CliOptions {
  mode: CliMode;
  noProfile: boolean;
  nonInteractive: boolean;
  noLogo: boolean;
  noExit: boolean;
  version: boolean;
  help: boolean;
  workingDirectory: string | null;
}

export type ParsedArgs = { ok: true; options: CliOptions } | { ok: false; error: string };

interface SwitchDef {
  name: string;
  /** Shortest accepted prefix of `name`. */
  min: string;
  /** Extra exact aliases. */
  aliases?: string[];
}

const switches: SwitchDef[] = [
  { name: 'command', min: 'c' },
  { name: 'encodedcommand', min: 'e', aliases: ['ec'] },
  { name: 'file', min: 'f' },
  { name: 'noprofile', min: 'nop' },
  { name: 'noninteractive', min: 'noni' },
  { name: 'nologo', min: 'nol' },
  { name: 'noexit', min: 'noe' },
  { name: 'version', min: 'v' },
  { name: 'help', min: 'h', aliases: ['?'] },
  { name: 'executionpolicy', min: 'ex', aliases: ['ep'] },
  { name: 'outputformat', min: 'o', aliases: ['of'] },
  { name: 'inputformat', min: 'inp', aliases: ['if'] },
  { name: 'workingdirectory', min: 'wo', aliases: ['wd'] },
  { name: 'interactive', min: 'i' },
  { name: 'login', min: 'l' },
  { name: 'windowstyle', min: 'w' },
];

/** The switch a `-xyz` argument names, or null when it names none. */
export function matchSwitch(arg: string): string | null {
  const key = arg.replace(/^--?/, '').toLowerCase();
  if (key === '') return null;
  for (const s of switches) {
    if (s.aliases?.includes(key)) return s.name;
    if (key.length >= s.min.length && s.name.startsWith(key) && key.startsWith(s.min)) return s.name;
  }
  return null;
}

const missingValue: Record<string, string> = {
  command: 'Cannot process the command because of a missing parameter. A command must follow -Command.',
  encodedcommand: 'Cannot process the command because of a missing parameter. A command must follow -EncodedCommand.',
  file: 'Cannot process the command because of a missing parameter. A file path must follow -File.',
  executionpolicy: 'Cannot process the execution policy because of a missing policy. A policy must follow -ExecutionPolicy.',
  outputformat: 'Cannot process the command because -OutputFormat requires a value. Specify Text or XML.',
  inputformat: 'Cannot process the command because -InputFormat requires a value. Specify Text or XML.',
  workingdirectory: 'Cannot process the command because -WorkingDirectory requires a value.',
  windowstyle: 'Cannot process the command because -WindowStyle requires a value.',
};

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const options: CliOptions = {
    mode: { kind: 'interactive' },
    noProfile: false,
    nonInteractive: false,
    noLogo: false,
    noExit: false,
    version: false,
    help: false,
    workingDirectory: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-') {
      options.mode = { kind: 'stdin' };
      break;
    }
    const isSwitch = arg.length > 1 && (arg.startsWith('-') || arg === '/?');
    if (!isSwitch && arg === 'test' && !(existsSync(arg) && statSync(arg).isFile())) {
      // `awsh test [paths] [Invoke-Pester options]`: run the Pester tests; the exit code is non-zero on failures.
      const rest = argv.slice(i + 1).map((a) => (a.startsWith('-') ? a : `'${a.replace(/'/g, "''")}'`));
      options.mode = { kind: 'command', script: `Invoke-Pester ${rest.length ? rest.join(' ') : '.'} -EnableExit` };
      break;
    }
    if (!isSwitch) {
      // The first bare argument is a script path; everything after it belongs to the script.
      options.mode = { kind: 'file', path: arg, args: argv.slice(i + 1) };
      break;
    }
    const name = arg === '/?' ? 'help' : matchSwitch(arg);
    if (name === null) {
      return { ok: false, error: `The argument '${arg}' is not recognized as the name of a script file. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.` };
    }
    const needsValue = name in missingValue;
    const value = argv[i + 1];
    if (needsValue && value === undefined) return { ok: false, error: missingValue[name]! };
    switch (name) {
      case 'command':
        options.mode = value === '-' && argv.length === i + 2 ? { kind: 'stdin' } : { kind: 'command', script: argv.slice(i + 1).join(' ') };
        return { ok: true, options };
      case 'encodedcommand': {
        // pwsh: Base64 of the script's UTF-16LE bytes (what [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($s)) gives).
        const script = decodeCommand(value!);
        if (script === null) {
          return { ok: false, error: 'Cannot process the command because the value specified with -EncodedCommand is not properly encoded. The value must be Base64 encoded.' };
        }
        options.mode = { kind: 'command', script };
        i++;
        break;
      }
      case 'file':
        options.mode = { kind: 'file', path: value!, args: argv.slice(i + 2) };
        return { ok: true, options };
      case 'noprofile': options.noProfile = true; break;
      case 'noninteractive': options.nonInteractive = true; break;
      case 'nologo': options.noLogo = true; break;
      case 'noexit': options.noExit = true; break;
      case 'version': options.version = true; break;
      case 'help': options.help = true; break;
      case 'workingdirectory': options.workingDirectory = value!; i++; break;
      case 'outputformat':
      case 'inputformat':
        if (!/^(text|xml)$/i.test(value!)) {
          return { ok: false, error: `Cannot process the command because the value specified with -${name === 'outputformat' ? 'OutputFormat' : 'InputFormat'} is not valid. Specify Text or XML.` };
        }
        i++;
        break;
      // Accepted for compatibility; they change nothing here.
      case 'executionpolicy':
      case 'windowstyle':
        i++;
        break;
      case 'interactive':
      case 'login':
        break;
    }
  }
  return { ok: true, options };
}

/** The script an -EncodedCommand value carries, or null when it is not Base64 of UTF-16LE text. */
function decodeCommand(value: string): string | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 !== 0) return null;
  const bytes = Buffer.from(value, 'base64');
  if (bytes.length % 2 !== 0) return null;
  return bytes.toString('utf16le');
}

export const usageText = `Usage: awsh [[-File] <filePath> [args]]
            [-Command { - | <script-text> [args] }] [-EncodedCommand <Base64EncodedCommand>]
            [-NoProfile] [-NonInteractive] [-NoLogo] [-NoExit]
            [-WorkingDirectory <directoryPath>]
            [-ExecutionPolicy <policy>] [-OutputFormat {Text | XML}]
            [-Version] [-Help | -? | -h]

awsh is a PowerShell-compatible shell with AWS cmdlets built in.
Parameter names are case-insensitive and may be shortened (-c, -f, -nop, -noni).

-File | -f
    Runs the script file with the given arguments (bound to its param() block or $args).
    A bare first argument is also a script file: awsh script.ps1 a1 -Name v
-Command | -c
    Runs the rest of the command line as a script. With '-', reads the script from stdin.
-EncodedCommand | -e | -ec
    Runs a script given as Base64 of its UTF-16LE text (for scripts with quotes or newlines).
-NoProfile | -nop
    Does not run the profile (~/.config/awsh/profile.ps1).
-NonInteractive | -noni
    Does not present an interactive prompt to the user.
-NoLogo | -nol
    Hides the banner of an interactive session.
-NoExit | -noe
    Starts an interactive session after running -Command or -File.
-WorkingDirectory | -wd
    Sets the starting location.
-Version | -v
    Shows the version of awsh and exits.
-Help | -? | -h
    Shows this message.

With no arguments, awsh starts an interactive session (or runs stdin as a script when stdin is not a terminal).
Exit code: the N of 'exit N'; 1 after a terminating error; for -Command, 1 when the last command failed; else 0.
`;
