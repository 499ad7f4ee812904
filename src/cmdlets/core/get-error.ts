// Get-Error: the newest entries of $Error (the most recent one by default).
import type { CmdletDecl } from '../../runtime/cmdlet-api.js';
import { toJsNumber } from '../../runtime/values/numbers.js';
import { UTILITY_MODULE } from './util.js';

export const getError: CmdletDecl = {
  name: 'Get-Error',
  module: UTILITY_MODULE,
  synopsis: 'Gets and displays the most recent error messages from the current session.',
  description: 'The Get-Error cmdlet gets a PSExtendedError object that represents the current error details from the last error that occurred in the session.',
  defaultParameterSet: 'Newest',
  parameters: [
    { name: 'Newest', type: 'int', aliases: ['Last'], parameterSets: ['Newest'] },
  ],
  end(ctx) {
    const errors = ctx.session.getVariableInfo('Error', 'global')?.Value;
    if (!Array.isArray(errors) || errors.length === 0) return;
    const n = ctx.params.Newest === undefined ? 1 : Math.max(0, toJsNumber(ctx.params.Newest));
    for (const e of errors.slice(0, n)) ctx.write(e);
  },
};

export const cmdlets: CmdletDecl[] = [getError];
