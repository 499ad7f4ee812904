// A cmdlet's write waits for a downstream command that went async, as pwsh's synchronous pipeline does: a producer
// (a paged AWS listing, say) must not run ahead of a slow consumer and queue everything it produced.
import { describe, expect, it } from 'vitest';
import { createShell } from '../../src/index.js';
import type { CmdletDecl } from '../../src/runtime/cmdlet-api.js';

function shellWithLog(log: string[]) {
  const sh = createShell({ host: {} });
  const producer: CmdletDecl = {
    name: 'Get-TestItem',
    parameters: [],
    process: async (ctx) => {
      for (let i = 1; i <= 3; i++) {
        log.push(`write ${i}`);
        await ctx.write(i);
        log.push(`written ${i}`);
      }
    },
  };
  const slowConsumer: CmdletDecl = {
    name: 'Use-TestItem',
    parameters: [{ name: 'InputObject', type: 'object', valueFromPipeline: true }],
    process: async (ctx) => {
      await new Promise((r) => setTimeout(r, 5));
      log.push(`took ${ctx.params.InputObject}`);
      await ctx.write(ctx.params.InputObject);
    },
  };
  sh.registerCmdlet(producer);
  sh.registerCmdlet(slowConsumer);
  return sh;
}

describe('pipeline back-pressure', () => {
  it('a write to an async downstream command settles once that command has taken the item', async () => {
    const log: string[] = [];
    const r = await shellWithLog(log).execute('Get-TestItem | Use-TestItem');
    expect(r.output).toEqual([1, 2, 3]);
    expect(log).toEqual(['write 1', 'took 1', 'written 1', 'write 2', 'took 2', 'written 2', 'write 3', 'took 3', 'written 3']);
  });

  it('holds with -OutVariable and -PipelineVariable on the producer', async () => {
    const log: string[] = [];
    const r = await shellWithLog(log).execute('Get-TestItem -OutVariable o -PipelineVariable p | Use-TestItem; $o.Count');
    expect(r.output).toEqual([1, 2, 3, 3]);
    expect(log.slice(0, 3)).toEqual(['write 1', 'took 1', 'written 1']);
  });

  it('an error in the async downstream command stops the producer', async () => {
    const log: string[] = [];
    const sh = shellWithLog(log);
    const r = await sh.execute('Get-TestItem | ForEach-Object { Start-Sleep -Milliseconds 1; if ($_ -eq 2) { throw "boom" }; $_ }');
    expect(r.output).toEqual([1]);
    expect(r.terminatingError).not.toBeNull();
    expect(log).toEqual(['write 1', 'written 1', 'write 2']);
  });
});
