import { describe, it, expect } from 'vitest';
import { createShell } from '../../src/index.js';
import { run } from './helpers.js';

describe('script-defined types (class / enum)', () => {
  it('stay defined in the shell for later executions (REPL lines)', async () => {
    const sh = createShell();
    await sh.execute('class Kept { [int] V() { return 4 } }; enum KeptE { A; B }');
    const r = await sh.execute('[Kept]::new().V(); [int][KeptE]::B');
    expect(r.output).toEqual([4, 1]);
  });

  it('are not seen by another shell in the same process', async () => {
    const a = createShell();
    const errors: string[] = [];
    const b = createShell({ host: { error: (r) => errors.push(r.FullyQualifiedErrorId) } });
    await a.execute('class OnlyInA { [string] Who() { return "a" } }');
    const rb = await b.execute('[OnlyInA]::new()');
    expect(rb.output).toEqual([]);
    expect(errors).toEqual(['TypeNotFound']);
    // Each shell can define its own class of the same name.
    await b.execute('class OnlyInA { [string] Who() { return "b" } }');
    expect((await a.execute('[OnlyInA]::new().Who()')).output).toEqual(['a']);
    expect((await b.execute('[OnlyInA]::new().Who()')).output).toEqual(['b']);
  });

  it('can be redefined by running a definition again', async () => {
    const sh = createShell();
    await sh.execute('class Re { [int] V() { return 1 } }');
    await sh.execute('class Re { [int] V() { return 2 } }');
    expect((await sh.execute('[Re]::new().V()')).output).toEqual([2]);
  });

  it('method errors carry the position of the failing statement inside the method', async () => {
    const r = await run('class Thrower { [void] Go() { throw "inner" } }\n[Thrower]::new().Go()');
    expect(r.errors[0]?.Exception?.Message).toBe('inner');
  });

  it('static members of same-named classes in two shells stay apart', async () => {
    const a = createShell();
    const b = createShell();
    await a.execute('class Cfg { static [string]$Name = "a" }');
    await b.execute('class Cfg { static [string]$Name = "b" }');
    expect((await a.execute('[Cfg]::Name')).output).toEqual(['a']);
    expect((await b.execute('[Cfg]::Name')).output).toEqual(['b']);
  });
});
