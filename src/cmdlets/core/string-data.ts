// ConvertFrom-StringData: `name=value` lines into a hashtable (one per input string).
import type { CmdletDecl } from '../../runtime/cmdlet-api.js';
import { toStr } from '../../runtime/values/convert.js';
import { PSHashtable } from '../../runtime/values/objects.js';
import { regexUnescape } from '../../runtime/types/regex-methods.js';
import { UTILITY_MODULE } from './util.js';

/** Parses one StringData text; returns the hashtable or the message of the first bad line. */
export function parseStringData(text: string, delimiter: string): PSHashtable | { error: string } {
  const result = new PSHashtable();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line[0] === '#') continue;
    const at = line.indexOf(delimiter);
    if (at <= 0) return { error: `Data line '${line}' is not in 'name${delimiter}value' format. ` };
    const name = line.slice(0, at).trim();
    if (result.has(name)) return { error: `Data item '${name}' in line '${line}' is already defined. ` };
    // Values are unescaped as Regex.Unescape does (`\n`, `\t`, `\\`).
    result.set(name, regexUnescape(line.slice(at + 1).trim()));
  }
  return result;
}

export const convertFromStringData: CmdletDecl = {
  name: 'ConvertFrom-StringData',
  module: UTILITY_MODULE,
  synopsis: 'Converts a string containing one or more key and value pairs to a hash table.',
  outputType: ['System.Collections.Hashtable'],
  parameters: [
    { name: 'StringData', type: 'string', position: 0, mandatory: true, valueFromPipeline: true },
    { name: 'Delimiter', type: 'char', position: 1 },
  ],
  process(ctx) {
    const text = toStr(ctx.params.StringData ?? '');
    const d = ctx.params.Delimiter === undefined || ctx.params.Delimiter === null ? '=' : toStr(ctx.params.Delimiter);
    const parsed = parseStringData(text, d[0] ?? '=');
    if (parsed instanceof PSHashtable) return ctx.write(parsed);
    // pwsh throws from ProcessRecord: the error terminates the command.
    ctx.throwTerminating({ message: parsed.error.trimEnd(), errorId: 'InvalidOperation', category: 'InvalidOperation', targetObject: text, exceptionType: 'System.Management.Automation.PSInvalidOperationException' });
  },
};
