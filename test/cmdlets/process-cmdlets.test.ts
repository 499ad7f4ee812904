// Get-Process, Stop-Process, Wait-Process and Start-Process against real processes of this machine.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createShell } from '../../src/index.js';
import { tempDir } from '../temp-dir.js';

/** Runs a script and returns its output, each object as PowerShell's text for it. */
async function run(script: string): Promise<string[]> {
  const shell = createShell({ host: {} });
  const r = await shell.execute(`& { ${script} } | ForEach-Object { "$_" }`);
  if (r.terminatingError) throw new Error(String(r.terminatingError.Exception?.Message ?? r.terminatingError));
  return r.output.map((o) => String(o));
}

const errorOf = (command: string) => `try { ${command} -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; $_.Exception.Message; $_.Exception.GetType().FullName }`;

describe('Get-Process', () => {
  it('reads this process from /proc, with the type names and alias properties of System.Diagnostics.Process', async () => {
    const out = await run(
      '$p = Get-Process -Id $PID; $p.Id -eq $PID; $p.ProcessName; $p.Name; $p.WS -gt 0; $p.CPU -ge 0; $p.Path; $p.SI -eq $p.SessionId; ' +
        '$p -is [System.Diagnostics.Process]; $p.StartTime -le (Get-Date); $p.Parent.Id -gt 0; $p.HasExited; "$p"',
    );
    expect(out).toEqual(['True', 'node', 'node', 'True', 'True', process.execPath, 'True', 'True', 'True', 'True', 'False', 'System.Diagnostics.Process (node)']);
  });

  it('matches names with wildcards, sorted by name then id, each process once', async () => {
    const out = await run('$a = @(Get-Process -Name node, no*de); $b = @(Get-Process node); $a.Count -eq $b.Count; ($a | Sort-Object Id -Unique).Count -eq $a.Count; ($a.Id -contains $PID)');
    expect(out).toEqual(['True', 'True', 'True']);
    const rows = await run('Get-Process | % { "{0} {1}" -f $_.ProcessName.ToUpperInvariant(), $_.Id }');
    const key = (r: string) => [r.slice(0, r.lastIndexOf(' ')), Number(r.slice(r.lastIndexOf(' ') + 1))] as const;
    const sorted = [...rows].sort((a, b) => {
      const [an, ai] = key(a);
      const [bn, bi] = key(b);
      return an < bn ? -1 : an > bn ? 1 : ai - bi;
    });
    expect(rows.length).toBeGreaterThan(1);
    expect(rows).toEqual(sorted);
  });

  it('reports names and ids that match nothing as pwsh does; a wildcard that matches nothing is no error', async () => {
    expect(await run(errorOf('Get-Process -Name nosuchprocessname'))).toEqual([
      'NoProcessFoundForGivenName,Microsoft.PowerShell.Commands.GetProcessCommand',
      'Cannot find a process with the name "nosuchprocessname". Verify the process name and call the cmdlet again.',
      'Microsoft.PowerShell.Commands.ProcessCommandException',
    ]);
    expect((await run(errorOf('Get-Process 99999999')))[1]).toBe('Cannot find a process with the name "99999999". Try running with -Id to search by Id of processes.');
    expect((await run(errorOf('Get-Process -Id 99999999'))).slice(0, 2)).toEqual([
      'NoProcessFoundForGivenId,Microsoft.PowerShell.Commands.GetProcessCommand',
      'Cannot find a process with the process identifier 99999999.',
    ]);
    expect(await run('@(Get-Process -Name "nosuch*").Count; $?')).toEqual(['0', 'True']);
  });

  it('formats with the NPM(K) PM(M) WS(M) CPU(s) Id SI ProcessName table view', async () => {
    const out = await run('Get-Process -Id $PID | Out-String');
    const lines = out[0]!.split('\n');
    expect(lines[1]).toBe(' NPM(K)    PM(M)      WS(M)     CPU(s)      Id  SI ProcessName');
    expect(lines[2]).toBe(' ------    -----      -----     ------      --  -- -----------');
    expect(lines[3]).toMatch(new RegExp(`^ +0 +\\d+\\.\\d\\d +[\\d,]+\\.\\d\\d +[\\d,]+\\.\\d\\d +${process.pid} +\\S+ node$`));
  });
});

describe('Start-Process, Wait-Process, Stop-Process', () => {
  it('-Wait -PassThru gives the exit code; -ArgumentList is joined and split like ProcessStartInfo.Arguments', async () => {
    expect(await run('$p = Start-Process sh -ArgumentList "-c", "`"exit 3`"" -Wait -PassThru; $p.ExitCode; $p.HasExited; $p.ProcessName')).toEqual(['3', 'True', 'sh']);
  });

  it('redirects standard output and error to files', async () => {
    const dir = tempDir('awsh-proc-');
    await run(`Set-Location '${dir}'; Start-Process sh -ArgumentList '-c', '"echo out; echo err >&2"' -RedirectStandardOutput o.txt -RedirectStandardError e.txt -Wait`);
    expect(readFileSync(join(dir, 'o.txt'), 'utf8')).toBe('out\n');
    expect(readFileSync(join(dir, 'e.txt'), 'utf8')).toBe('err\n');
  });

  it('stops a process (by id, or piped), honours -WhatIf, and waits for processes with a time-out', async () => {
    const out = await run(
      '$t = Start-Process sleep 30 -PassThru; $t | Stop-Process -WhatIf; $t.HasExited; Stop-Process -Id $t.Id -PassThru | % Name; Wait-Process -Id $t.Id; $t.HasExited; $t.ExitCode; ' +
        '$s = Start-Process sleep 30 -PassThru; try { Wait-Process -InputObject $s -Timeout 1 -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }; $s.Kill(); $s.WaitForExit(); $s.HasExited',
    );
    expect(out).toEqual(['False', 'sleep', 'True', '137', 'ProcessNotTerminated,Microsoft.PowerShell.Commands.WaitProcessCommand', 'True']);
  });

  it('reports a program that cannot be found', async () => {
    const out = await run(errorOf('Start-Process no-such-program-here'));
    expect(out[0]).toBe('InvalidOperationException,Microsoft.PowerShell.Commands.StartProcessCommand');
    expect(out[1]).toMatch(/^This command cannot be run due to the error: An error occurred trying to start process 'no-such-program-here' with working directory '.*'\. No such file or directory\.$/);
  });
});
