// Measure-Command: times a script block, once per pipeline item, and writes the total as a TimeSpan at the end.
// As in pwsh the block runs dot-sourced (in the caller's scope, so its assignments stay) with its output discarded;
// its errors still reach the error stream. Only the block's own run time counts, including an async command's wait.
import type { CmdletDecl } from '../../runtime/cmdlet-api.js';
import { TimeSpan } from '../../runtime/types/datetime.js';
import { isPromise, UTILITY_MODULE } from './util.js';

interface MeasureState {
  /** Nanoseconds spent in the script block so far. */
  elapsed: bigint;
}

const discard = (): void => {};

export const measureCommand: CmdletDecl<MeasureState> = {
  name: 'Measure-Command',
  module: UTILITY_MODULE,
  synopsis: 'Measures the time it takes to run script blocks and cmdlets.',
  description:
    'The Measure-Command cmdlet runs a script block or cmdlet internally, times the execution of the operation, and returns the execution time.',
  outputType: ['System.TimeSpan'],
  parameters: [
    { name: 'InputObject', type: 'psobject', valueFromPipeline: true },
    { name: 'Expression', type: 'scriptblock', position: 0, mandatory: true },
  ],
  init: () => ({ elapsed: 0n }),
  process(ctx) {
    const st = ctx.state;
    const start = process.hrtime.bigint();
    const stop = (): void => {
      st.elapsed += process.hrtime.bigint() - start;
    };
    // $_ is the input object only when there is one (pwsh leaves it alone for its AutomationNull default).
    const options = ctx.isBound('InputObject') ? { dollarUnder: ctx.params.InputObject ?? null, output: discard } : { output: discard };
    const r = ctx.invokeScript(ctx.params.Expression, options);
    if (isPromise(r)) return r.then(stop);
    stop();
  },
  end(ctx) {
    return ctx.write(new TimeSpan(Number(ctx.state.elapsed / 100n)));
  },
};

export const cmdlets: CmdletDecl[] = [measureCommand];
