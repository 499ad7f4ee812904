// Set-StrictMode: undefined variables (1.0+) and missing properties (2.0+) become errors.
import type { CmdletDecl } from '../../runtime/cmdlet-api.js';
import { toStr } from '../../runtime/values/convert.js';
import { CORE_MODULE } from './util.js';

const setStrictMode: CmdletDecl = {
  name: 'Set-StrictMode',
  module: CORE_MODULE,
  synopsis: 'Establishes and enforces coding rules in expressions, scripts, and script blocks.',
  defaultParameterSet: 'Version',
  parameters: [
    { name: 'Version', type: 'string', aliases: ['v'], mandatory: ['Version'], parameterSets: ['Version'] },
    { name: 'Off', type: 'switch', mandatory: ['Off'], parameterSets: ['Off'] },
  ],
  process(ctx) {
    const session = ctx.session as unknown as { strictMode: number };
    if (ctx.params.Off) {
      session.strictMode = 0;
      return;
    }
    const v = toStr(ctx.params.Version).toLowerCase();
    session.strictMode = v === 'latest' ? 3 : Math.max(1, Math.floor(Number(v) || 1));
  },
};

export const cmdlets: CmdletDecl[] = [setStrictMode];
