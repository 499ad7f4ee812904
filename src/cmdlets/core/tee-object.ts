// Tee-Object: passes objects on and also saves them to a file (as Out-File writes them) or a variable.
import { appendFileSync, existsSync, statSync, writeFileSync } from 'node:fs';
import type { CmdletDecl } from '../../runtime/cmdlet-api.js';
import { outString, enumerationLimitOf } from '../../runtime/format/index.js';
import { toTextEncoding, type TextEncoding } from './content-cmdlets.js';
import { UTILITY_MODULE } from './util.js';

interface TeeState {
  collected: unknown[];
  path: string | null;
  items: unknown[];
  encoding: TextEncoding | null;
  /** The byte order mark still to write: the encoding's, unless appending to a file that has content. */
  bom: Buffer | null;
}

export const teeObject: CmdletDecl<TeeState> = {
  name: 'Tee-Object',
  module: UTILITY_MODULE,
  synopsis: 'Saves command output in a file or variable and also sends it down the pipeline.',
  description: 'The Tee-Object cmdlet redirects output, that is, it sends the output of a command in two directions (like the letter T). It stores the output in a file or variable and also sends it down the pipeline.',
  defaultParameterSet: 'File',
  outputType: ['System.Management.Automation.PSObject'],
  parameters: [
    { name: 'InputObject', type: 'psobject', valueFromPipeline: true },
    { name: 'FilePath', type: 'string', aliases: ['Path'], position: 0, mandatory: true, parameterSets: ['File'] },
    { name: 'LiteralPath', type: 'string', aliases: ['PSPath', 'LP'], mandatory: true, parameterSets: ['LiteralFile'] },
    { name: 'Append', type: 'switch', parameterSets: ['File', 'LiteralFile'] },
    { name: 'Encoding', type: toTextEncoding, parameterSets: ['File', 'LiteralFile'] },
    { name: 'Variable', type: 'string', mandatory: true, parameterSets: ['Variable'] },
  ],
  init: () => ({ collected: [], path: null, items: [], encoding: null, bom: null }),
  begin(ctx) {
    const raw = ctx.params.FilePath ?? ctx.params.LiteralPath;
    if (raw !== undefined && raw !== null) {
      const st = ctx.state;
      st.path = ctx.resolvePath(String(raw));
      st.encoding = toTextEncoding(ctx.params.Encoding ?? 'utf8NoBOM');
      const hasContent = ctx.params.Append && existsSync(st.path) && statSync(st.path).size > 0;
      st.bom = hasContent ? null : st.encoding.bom;
      // The file is created (or truncated) at the start, as Out-File does.
      if (!ctx.params.Append) writeFileSync(st.path, '');
    }
  },
  process(ctx) {
    const input = ctx.params.InputObject;
    if (input === undefined) return;
    if (ctx.parameterSetName === 'Variable') ctx.state.collected.push(input);
    else ctx.state.items.push(input);
    return ctx.write(input);
  },
  end(ctx) {
    const st = ctx.state;
    if (ctx.parameterSetName === 'Variable') {
      const c = st.collected;
      ctx.setVariable(String(ctx.params.Variable), c.length === 0 ? null : c.length === 1 ? c[0] : c);
    } else if (st.path && st.encoding && st.items.length > 0) {
      const text = outString(st.items, ctx.host.width, false, enumerationLimitOf(ctx.getVariable('global:FormatEnumerationLimit'))) as string;
      const body = st.encoding.encode(text);
      appendFileSync(st.path, st.bom ? Buffer.concat([st.bom, body]) : body);
    }
  },
};

export const cmdlets: CmdletDecl[] = [teeObject];
