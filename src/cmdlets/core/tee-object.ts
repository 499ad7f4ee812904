// Tee-Object: passes objects on and also saves them to a file (as text) or a variable.
import { appendFileSync, writeFileSync } from 'node:fs';
import type { CmdletDecl } from '../../runtime/cmdlet-api.js';
import { toStr } from '../../runtime/values/convert.js';
import { UTILITY_MODULE } from './util.js';

interface TeeState {
  collected: unknown[];
  path: string | null;
  lines: string[];
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
    { name: 'Encoding', type: 'string', parameterSets: ['File', 'LiteralFile'] },
    { name: 'Variable', type: 'string', mandatory: true, parameterSets: ['Variable'] },
  ],
  init: () => ({ collected: [], path: null, lines: [] }),
  begin(ctx) {
    const raw = ctx.params.FilePath ?? ctx.params.LiteralPath;
    if (raw !== undefined && raw !== null) {
      ctx.state.path = ctx.resolvePath(String(raw));
      // The file is created (or truncated) at the start, as Out-File does.
      if (!ctx.params.Append) writeFileSync(ctx.state.path, '');
    }
  },
  process(ctx) {
    const input = ctx.params.InputObject;
    if (input === undefined) return;
    if (ctx.parameterSetName === 'Variable') ctx.state.collected.push(input);
    // TODO(formatting): files get the same text Out-File would write; toStr is a stand-in for scalars.
    else ctx.state.lines.push(toStr(input));
    return ctx.write(input);
  },
  end(ctx) {
    const st = ctx.state;
    if (ctx.parameterSetName === 'Variable') {
      const c = st.collected;
      ctx.setVariable(String(ctx.params.Variable), c.length === 0 ? null : c.length === 1 ? c[0] : c);
    } else if (st.path && st.lines.length > 0) {
      appendFileSync(st.path, st.lines.join('\n') + '\n');
    }
  },
};

export const cmdlets: CmdletDecl[] = [teeObject];
