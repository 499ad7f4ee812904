// A test-only cmdlet, Get-Val, registered once synchronous and once asynchronous, so a script can be run both ways
// and the results compared: every place a script can call a command must behave the same whether it goes async.
import { createShell } from '../../src/index.js';
import type { CmdletContext, CmdletDecl } from '../../src/runtime/cmdlet-api.js';
import { run, type RunResult } from './helpers.js';

/**
 * `Get-Val [[-Value] <object>] [-Fail <string>] [-Throw <string>]`: writes Value (a collection item by item), writes a
 * non-terminating error with -Fail, throws a terminating error with -Throw.
 */
function getVal(async: boolean): CmdletDecl {
  const body = (ctx: CmdletContext) => {
    if (ctx.params.Throw !== undefined) ctx.throwTerminating({ message: String(ctx.params.Throw), errorId: 'ValThrow', category: 'InvalidOperation' });
    if (ctx.params.Fail !== undefined) ctx.writeError({ message: String(ctx.params.Fail), errorId: 'ValFail', category: 'InvalidData' });
    if (ctx.isBound('Value')) return ctx.write(ctx.params.Value, true);
  };
  return {
    name: 'Get-Val',
    parameters: [
      { name: 'Value', position: 0, valueFromPipeline: true },
      { name: 'Fail', type: 'string' },
      { name: 'Throw', type: 'string' },
    ],
    process: async
      ? async (ctx) => {
          await new Promise((r) => setTimeout(r, 0));
          await body(ctx);
        }
      : (ctx) => body(ctx),
  };
}

export interface Outcome {
  text: string;
  errors: string[];
  host: string;
  terminated: boolean;
}

/** Runs a script with the sync or the async Get-Val; the output text and errors (id: message at line) to compare. */
export async function runWith(script: string, async: boolean): Promise<Outcome & { result: RunResult }> {
  const errors: RunResult['errors'] = [];
  let host = '';
  const shell = createShell({
    host: { error: (r) => errors.push(r), writeHost: (t, o) => (host += t + (o.noNewline ? '' : '\n')) },
  });
  shell.registerCmdlet(getVal(async));
  const result = await run(script, shell);
  return {
    text: result.text,
    errors: errors.map(
      (e) => `${e.FullyQualifiedErrorId}: ${String(e.Exception?.Message)} @${e.InvocationInfo?.ScriptLineNumber ?? '?'}`,
    ),
    host,
    terminated: result.terminated,
    result,
  };
}
