// Built-in cmdlets that load on first use: the names command lookup knows must be exactly what each module
// declares, and scripts must not notice the loading (aliases, nested contexts that can't wait, Get-Command).
import { describe, it, expect } from 'vitest';
import { lazyCommandSets } from '../../src/cmdlets/core/lazy-sets.js';
import { coreCmdlets } from '../../src/cmdlets/core/index.js';
import { createShell } from '../../src/index.js';

const run = async (script: string) => {
  const shell = createShell();
  const r = await shell.execute(script);
  return { out: r.output.map(String), error: r.terminatingError?.message ?? null, shell };
};

describe('lazy cmdlet sets', () => {
  it('list exactly the cmdlets their modules declare, none of them also loaded at start-up', async () => {
    const eager = new Set(coreCmdlets.map((d) => d.name.toLowerCase()));
    const seen = new Set<string>();
    for (const set of lazyCommandSets) {
      const decls = await set.load();
      expect(decls.map((d) => d.name)).toEqual([...set.names]);
      for (const n of set.names) {
        expect(eager.has(n.toLowerCase())).toBe(false);
        expect(seen.has(n.toLowerCase())).toBe(false);
        seen.add(n.toLowerCase());
      }
    }
  });

  it('load on first use, through aliases too', async () => {
    const r = await run("(Split-Path /a/b/c.txt -Leaf), (gc -Path /dev/null | Measure-Object).Count, (Test-Path /)");
    expect(r.out).toEqual(['c.txt', '0', 'true']);
  });

  it('are loaded before a script runs where a command cannot wait (method script blocks, calculated properties)', async () => {
    const r = await run("(1, 2).ForEach({ Join-Path /x $_ }); (@{ n = 'a' } | Select-Object @{ n = 'J'; e = { Split-Path /p/q -Leaf } }).J; Invoke-Expression '(1).ForEach({ Test-Path / })'");
    expect(r.out).toEqual(['/x/1', '/x/2', 'q', 'true']);
  });

  it('are listed by Get-Command before any was used, and a host cmdlet with the same name wins', async () => {
    const shell = createShell();
    shell.registerCmdlet({ name: 'Get-Content', parameters: [{ name: 'Path', type: 'string', position: 0 }], process: (ctx) => ctx.write(`host:${ctx.params.Path}`) });
    const r = await shell.execute("(Get-Command Get-Content, Import-Csv, Describe | ForEach-Object Name) -join ','; Get-Content x; Import-Csv -Path /dev/null | Measure-Object | ForEach-Object Count");
    expect(r.output.map(String)).toEqual(['Get-Content,Import-Csv,Describe', 'host:x', '0']);
  });

  it('keep the hosting types available without Pester', async () => {
    const r = await run("$ps = [powershell]::Create(); $null = $ps.AddScript('1 + 2'); $ps.Invoke(); & ([scriptblock]::Create('Join-Path a b'))");
    expect(r.out).toEqual(['3', 'a/b']);
  });
});
