import { describe, it, expect } from 'vitest';
import { run, out } from './helpers.js';
import { createShell } from '../../src/index.js';

describe('pipeline engine', () => {
  it('streams an infinite-looking range and stops upstream at Select-Object -First', async () => {
    const t = Date.now();
    expect(await out('1..1000000000 | Select-Object -First 3')).toEqual([1, 2, 3]);
    expect(Date.now() - t).toBeLessThan(5000);
  });
  it('runs ForEach-Object and Where-Object script blocks in the caller scope', async () => {
    expect(await out('$n = 0; 1..3 | ForEach-Object { $n += $_ }; $n')).toEqual([6]);
    expect(await out('1..10 | Where-Object { $_ % 3 -eq 0 }')).toEqual([3, 6, 9]);
  });
  it('unrolls collections on output and keeps them with the unary comma', async () => {
    expect(await out('@(1,2),3')).toEqual([[1, 2], 3]);
    expect(await out('@(1,2)')).toEqual([1, 2]);
    expect((await out(',(1,2)')).length).toBe(1);
  });
  it('runs $null through a pipeline once but foreach over $null not at all', async () => {
    expect(await out("$null | ForEach-Object { 'x' }")).toEqual(['x']);
    expect(await out("foreach ($x in $null) { 'x' }")).toEqual([]);
    expect(await out("@() | ForEach-Object { 'x' }")).toEqual([]);
  });
  it('supports async cmdlets without changing scripts', async () => {
    const shell = createShell();
    shell.registerCmdlet({
      name: 'Get-Slow',
      parameters: [{ name: 'Count', type: 'int', position: 0 }],
      async process(ctx) {
        for (let i = 1; i <= ctx.params.Count; i++) {
          await new Promise((r) => setTimeout(r, 1));
          await ctx.write(i);
        }
      },
    });
    const r = await run('$x = Get-Slow 3; $x.Count; Get-Slow 4 | ForEach-Object { $_ * 10 } | Select-Object -First 2; foreach ($i in 1..2) { Get-Slow 1 }', shell);
    expect(r.output).toEqual([3, 10, 20, 1, 1]);
  });
});

describe('errors', () => {
  it('reports a statement-terminating error and continues with the next statement', async () => {
    const r = await run("1/0\n'after'");
    expect(r.output).toEqual(['after']);
    expect(r.errors[0].FullyQualifiedErrorId).toBe('RuntimeException');
    expect(r.errors[0].InvocationInfo?.ScriptLineNumber).toBe(1);
  });
  it('ends the script on throw and sets the terminating error', async () => {
    const r = await run("throw 'boom'\n'after'");
    expect(r.output).toEqual([]);
    expect(r.terminated).toBe(true);
    expect(r.errors[0].FullyQualifiedErrorId).toBe('boom');
  });
  it('catches typed exceptions', async () => {
    expect(await out("try { 1/0 } catch [System.DivideByZeroException] { 'dbz' } catch { 'other' }")).toEqual(['dbz']);
    expect(await out("try { throw 'x' } catch { $_.Exception.Message } finally { 'fin' }")).toEqual(['x', 'fin']);
  });
  it('turns non-terminating errors into terminating ones with -ErrorAction Stop', async () => {
    expect(await out("try { Write-Error 'bad' -ErrorAction Stop; 'no' } catch { 'caught ' + $_ }")).toEqual(['caught bad']);
  });
  it('gives CommandNotFoundException for unknown commands', async () => {
    const r = await run('Get-Nothing-Here');
    expect(r.errors[0].FullyQualifiedErrorId).toBe('CommandNotFoundException');
  });
  it('reports exit codes', async () => {
    expect((await run('exit 7')).exitCode).toBe(7);
  });
});

describe('functions and binding', () => {
  it('binds named, positional and switch parameters', async () => {
    const s = 'function f { param([string]$Name, [int]$Count = 2, [switch]$Loud) "$Name $Count $Loud" }';
    expect(await out(`${s}; f a; f -Name b -Count 3 -Loud; f c -Loud:$false`)).toEqual(['a 2 False', 'b 3 True', 'c 2 False']);
  });
  it('puts unbound arguments of simple functions into $args', async () => {
    expect(await out('function g { $args.Count }; g 1 2 3')).toEqual([3]);
  });
  it('binds pipeline input by value and by property name', async () => {
    const s = 'function hh { param([Parameter(ValueFromPipelineByPropertyName)]$Name) process { "n=$Name" } }';
    expect(await out(`${s}; [pscustomobject]@{Name='x'}, [pscustomobject]@{Name='y'} | hh`)).toEqual(['n=x', 'n=y']);
  });
  it('reports missing mandatory parameters in non-interactive mode', async () => {
    const r = await run('function m { param([Parameter(Mandatory)]$x) $x }; m');
    expect(r.errors[0].FullyQualifiedErrorId).toBe('MissingMandatoryParameter,m');
  });
  it('validates with ValidateSet', async () => {
    const r = await run("function v { param([ValidateSet('a','b')]$x) $x }; v c");
    expect(r.errors[0].FullyQualifiedErrorId).toBe('ParameterArgumentValidationError,v');
  });
  it('supports begin/process/end', async () => {
    expect(await out('function s { begin { $t = 0 } process { $t += $_ } end { $t } }; 1..4 | s')).toEqual([10]);
  });
  it('returns all output, not just the return value', async () => {
    expect(await out("function rr { 'a'; return 'b'; 'c' }; rr")).toEqual(['a', 'b']);
  });
  it('scopes variables dynamically and by qualifier', async () => {
    expect(await out('$x = 1; function f { $x = 2; $global:y = 3 }; f; $x; $y')).toEqual([1, 3]);
  });
});

describe('statements', () => {
  it('handles labelled break across nested loops', async () => {
    expect(await out(':outer foreach ($i in 1..3) { foreach ($j in 1..3) { if ($j -eq 2) { continue outer }; "$i$j" } }')).toEqual(['11', '21', '31']);
  });
  it('runs switch with regex and default', async () => {
    expect(await out("switch -Regex ('abc','x1') { '^a' { 'A' } '\\d' { 'D' } default { 'none' } }")).toEqual(['A', 'D']);
  });
  it('evaluates while/do/for', async () => {
    expect(await out('$i = 0; while ($i -lt 3) { $i++ }; $i; do { $i-- } until ($i -le 0); $i; for ($k = 0; $k -lt 2; $k++) { $k }')).toEqual([3, 0, 0, 1]);
  });
  it('chains pipelines with && and ||', async () => {
    expect(await out("Write-Output a && Write-Output b; Write-Error x 2>$null || 'fallback'")).toEqual(['a', 'b', 'fallback']);
  });
});

describe('pipeline end', () => {
  it('ends every command exactly once', async () => {
    expect(await out('function f { 5 }; $y = f | Measure-Object; @($y).Count')).toEqual([1]);
    expect(await out('function f { , @(1, 2) }; (f | Measure-Object).Count')).toEqual([1]);
    expect(await out("function g { 1; 2 }; (g | ForEach-Object { $_ } | Measure-Object).Count")).toEqual([2]);
  });
});

describe('mandatory parameter prompts', () => {
  it('asks an interactive host for missing mandatory parameters', async () => {
    const asked: string[] = [];
    let hostText = '';
    const shell = createShell({
      interactive: true,
      host: {
        interactive: true,
        readLine: async (prompt) => {
          asked.push(prompt);
          return prompt.startsWith('Names[') ? (asked.length > 3 ? '' : 'n' + asked.length) : 'typed';
        },
        writeHost: (t) => (hostText += t + '\n'),
      },
    });
    const r = await shell.execute('function f { param([Parameter(Mandatory)][string]$Name) "hi $Name" }; f; function g { param([Parameter(Mandatory)][string[]]$Names) $Names -join "," }; g');
    expect(r.output).toEqual(['hi typed', 'n2,n3']);
    expect(asked).toEqual(['Name: ', 'Names[0]: ', 'Names[1]: ', 'Names[2]: ']);
    expect(hostText).toContain('Supply values for the following parameters:');
  });
});

describe('clean blocks and $foreach', () => {
  it('runs the clean block last and discards its output', async () => {
    const r = await run('function f { process { "p$_" } clean { "dropped"; Write-Host "cleaned" } }; 1, 2 | f');
    expect(r.output).toEqual(['p1', 'p2']);
    expect(r.host).toBe('cleaned\n');
  });
  it('exposes the foreach enumerator', async () => {
    expect(await out('$r = foreach ($i in 1..4) { $null = $foreach.MoveNext(); $i }; $r -join ","')).toEqual(['1,3']);
  });
});
