// Runs the Pester test files in test/pester through Invoke-Pester -PassThru and checks the result counts.
import { describe, it, expect } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import * as nodePath from 'node:path';
import { createShell } from '../../src/index.js';
import { parseArgs } from '../../src/cli/args.js';
import { tempDir } from '../temp-dir.js';

const here = nodePath.dirname(new URL(import.meta.url).pathname);

interface Counts {
  TotalCount: number; PassedCount: number; FailedCount: number; SkippedCount: number; InconclusiveCount: number; NotRunCount: number;
  FailedBlocksCount: number; FailedContainersCount: number; Result: string;
}

async function run(script: string): Promise<{ output: unknown[]; host: string[]; errors: string[]; exitCode: number | null }> {
  const host: string[] = [];
  const errors: string[] = [];
  const shell = createShell({
    cwd: tempDir('awsh-pester-'),
    host: { writeHost: (t: string) => void host.push(t), error: (r: unknown) => void errors.push(String(r)) },
  });
  const r = await shell.execute(script);
  return { output: r.output, host, errors, exitCode: r.exitCode };
}

async function counts(path: string, extra = ''): Promise<Counts & { host: string[] }> {
  const r = await run(`Invoke-Pester -Path '${path}' -PassThru -Output Detailed ${extra}`);
  const o = r.output[r.output.length - 1] as { getMember(n: string): { value: unknown } | undefined };
  const get = (n: string) => o.getMember(n)?.value as number;
  return {
    TotalCount: get('TotalCount'), PassedCount: get('PassedCount'), FailedCount: get('FailedCount'), SkippedCount: get('SkippedCount'),
    InconclusiveCount: get('InconclusiveCount'), NotRunCount: get('NotRunCount'), FailedBlocksCount: get('FailedBlocksCount'),
    FailedContainersCount: get('FailedContainersCount'), Result: o.getMember('Result')?.value as string, host: r.host,
  };
}

function expectCounts(c: Counts, want: Partial<Counts>, host: string[]): void {
  const { host: _host, ...got } = c as Counts & { host?: string[] };
  expect(got, host.join('\n')).toMatchObject(want);
}

describe('Pester runner', () => {
  const files: [string, Partial<Counts>][] = [
    ['ordering.Tests.ps1', { TotalCount: 16, PassedCount: 16, FailedCount: 0 }],
    // Pester 5: a pending test counts as skipped.
    ['testcases.Tests.ps1', { TotalCount: 11, PassedCount: 8, FailedCount: 0, SkippedCount: 3 }],
    ['should.Tests.ps1', { TotalCount: 28, PassedCount: 28, FailedCount: 0 }],
    ['mock.Tests.ps1', { TotalCount: 8, PassedCount: 8, FailedCount: 0 }],
    ['misc.Tests.ps1', { TotalCount: 10, PassedCount: 7, SkippedCount: 2, InconclusiveCount: 1, FailedCount: 0 }],
    ['realworld/StringTools.Tests.ps1', { TotalCount: 7, PassedCount: 7, FailedCount: 0 }],
    ['realworld/ConfigStore.Tests.ps1', { TotalCount: 7, PassedCount: 7, FailedCount: 0 }],
    ['inmodulescope.Tests.ps1', { TotalCount: 7, PassedCount: 7, FailedCount: 0 }],
    ['pester5.Tests.ps1', { TotalCount: 20, PassedCount: 16, FailedCount: 0, SkippedCount: 3, InconclusiveCount: 1 }],
    ['realworld5/PSInventory.Tests.ps1', { TotalCount: 20, PassedCount: 20, FailedCount: 0, Result: 'Passed' }],
  ];
  for (const [file, want] of files) {
    it(`runs ${file}`, async () => {
      const c = await counts(nodePath.join(here, file));
      expectCounts(c, want, c.host);
    });
  }

  it('filters real-world tests by tag', async () => {
    const file = nodePath.join(here, 'realworld/Inventory.Tests.ps1');
    const c = await counts(file, '-ExcludeTag Integration');
    expectCounts(c, { TotalCount: 11, PassedCount: 10, FailedCount: 0, NotRunCount: 1 }, c.host);
    const integration = await counts(file, '-TagFilter Integration');
    // Pester 5 discovers every test: those the filter leaves out are NotRun.
    expectCounts(integration, { TotalCount: 11, FailedCount: 1, NotRunCount: 10 }, integration.host);
  });

  it('counts failures, a failed BeforeAll and honours -TagFilter', async () => {
    const file = nodePath.join(here, 'fixtures/failing.Fixture.ps1');
    const c = await counts(file, '-TagFilter Fail');
    expectCounts(c, { TotalCount: 8, PassedCount: 1, FailedCount: 6, NotRunCount: 1, FailedBlocksCount: 1, Result: 'Failed' }, c.host);
    const text = c.host.join('\n');
    expect(text).toContain('[-] fails an assertion');
    expect(text).toContain('Expected 2, but got 1.');
    expect(text).toMatch(/failing\.Fixture\.ps1:3/);
    expect(text).toContain('[+] passes');
    expect(text).toContain('[-] Describe BeforeAll fails failed');
    expect(text).toContain('RuntimeException: setup broke');
    expect(text).toContain('Tests Passed: 1, Failed: 6, Skipped: 0, Inconclusive: 0, NotRun: 1');
    const r = await run(`$global:ranAfterSetupFailure = $false; $global:afterAllRanAfterSetupFailure = $false
      $null = Invoke-Pester '${file}' -Output None; "$global:ranAfterSetupFailure $global:afterAllRanAfterSetupFailure"`);
    expect(r.output).toEqual(['False True']);
  });

  it('an error in a block body fails the whole file (discovery)', async () => {
    const c = await counts(nodePath.join(here, 'fixtures/discovery-error.Fixture.ps1'));
    expectCounts(c, { TotalCount: 0, FailedContainersCount: 1, Result: 'Failed' }, c.host);
    const text = c.host.join('\n');
    expect(text).toMatch(/\[-\] Discovery in .*discovery-error\.Fixture\.ps1 failed with:/);
    expect(text).toContain('RuntimeException: block error');
    expect(text).toContain('Container failed: 1');
  });

  it('runs a folder of *.Tests.ps1 files', async () => {
    const c = await counts(nodePath.join(here, 'realworld'), "-ExcludeTag 'Integration'");
    expectCounts(c, { TotalCount: 25, FailedCount: 0, NotRunCount: 1 }, c.host);
  });

  it('-CI sets a non-zero exit code and writes NUnit XML; -OutputFile writes JUnit', async () => {
    const file = nodePath.join(here, 'fixtures/failing.Fixture.ps1');
    const dir = tempDir('awsh-pester-xml-');
    const r = await run(`Invoke-Pester '${file}' -CI -Output None -OutputFile '${dir}/nunit.xml'`);
    expect(r.exitCode).toBeGreaterThan(0);
    const nunit = readFileSync(nodePath.join(dir, 'nunit.xml'), 'utf8');
    expect(nunit).toContain('<test-results');
    expect(nunit).toContain('result="Failure"');
    await run(`Invoke-Pester '${file}' -Output None -OutputFile '${dir}/junit.xml' -OutputFormat JUnitXml`);
    const junit = readFileSync(nodePath.join(dir, 'junit.xml'), 'utf8');
    expect(junit).toContain('<testsuites name="Pester"');
    expect(junit).toContain('<failure message="Expected 2, but got 1."');
    expect(existsSync(nodePath.join(dir, 'junit.xml'))).toBe(true);
  });

  it('-Output None prints nothing; a Describe outside Invoke-Pester prints its results', async () => {
    const quiet = await run(`Invoke-Pester '${nodePath.join(here, 'realworld/StringTools.Tests.ps1')}' -Output None`);
    expect(quiet.host).toEqual([]);
    const direct = await run(`Describe 'd' { It 'ok' { 1 | Should -Be 1 } }`);
    expect(direct.host.join('\n')).toContain('[+] ok');
  });

  it('runs from a PesterConfiguration: path, PassThru, filters, Should.ErrorAction Continue, Throw', async () => {
    const file = nodePath.join(here, 'fixtures/config.Fixture.ps1');
    const r = await run(`
      $c = New-PesterConfiguration
      $c.Run.Path = '${file}'
      $c.Run.PassThru = $true
      $c.Output.Verbosity = 'None'
      $c.Should.ErrorAction = 'Continue'
      $c.CodeCoverage.Enabled = $true
      $r = Invoke-Pester -Configuration $c
      '{0} {1} {2} {3} {4}' -f $r.Result, $r.PassedCount, $r.FailedCount, $r.TotalCount, $global:softReached
      $r.Failed[0].ErrorRecord.Count
      $r.Failed[0].ErrorRecord[1].Exception.Message
      "exit $LASTEXITCODE"
      $r.Containers[0].Blocks[0].Tests.Count
      $c.Run.PassThru.GetType().FullName + ' ' + $c.Run.PassThru.Value + ' ' + $c.Run.PassThru.Default
      $r = Invoke-Pester -Configuration ([PesterConfiguration]@{ Run = @{ Path = '${file}'; PassThru = $true }; Filter = @{ Tag = 'slow' }; Output = @{ Verbosity = 'None' } })
      '{0} {1} {2}' -f $r.PassedCount, $r.NotRunCount, $r.TotalCount
      $r = Invoke-Pester -Configuration @{ Run = @{ Path = '${file}'; PassThru = $true }; Filter = @{ FullName = '*.two' }; Output = @{ Verbosity = 'None' } }
      '{0} {1} {2}' -f $r.PassedCount, $r.NotRunCount, $r.TotalCount
      $r = Invoke-Pester -Configuration @{ Run = @{ Path = '${file}'; PassThru = $true }; Filter = @{ Line = '${file}:2' }; Output = @{ Verbosity = 'None' } }
      '{0} {1} {2}' -f $r.PassedCount, $r.NotRunCount, $r.TotalCount
      $d = [PesterConfiguration]::Default; $d.Output.Verbosity.Value
      try { Invoke-Pester -Configuration @{ Run = @{ Path = '${file}'; Throw = $true }; Output = @{ Verbosity = 'None' } } } catch { $_.Exception.Message }
    `);
    expect(r.output.map(String)).toEqual([
      'Failed 3 1 4 True', '2', 'Expected 3, but got 2.', 'exit 1', '3', 'Pester.BoolOption True False', '1 3 4', '1 3 4', '1 3 4', 'Normal',
      'Pester run failed, because 1 test failed',
    ]);
  });

  it('runs containers with data and script blocks', async () => {
    const file = nodePath.join(here, 'fixtures/config.Fixture.ps1');
    const r = await run(`
      $sb = { param($Expected) Describe 'sb' { It 'gets data' { $Expected | Should -Be 7 } } }
      $r = Invoke-Pester -Container (New-PesterContainer -ScriptBlock $sb -Data @{ Expected = 7 }) -PassThru -Output None
      '{0} {1}' -f $r.PassedCount, $r.Containers[0].Type
      $r = Invoke-Pester -Container (New-PesterContainer -Path '${file}') -PassThru -Output None -FullNameFilter 'Other.*'
      '{0} {1}' -f $r.PassedCount, $r.NotRunCount
    `);
    expect(r.output.map(String)).toEqual(['1 ScriptBlock', '1 3']);
  });

  it('Import-Module Pester succeeds', async () => {
    const r = await run(`Import-Module Pester; 'ok'`);
    expect(r.errors).toEqual([]);
    expect(r.output).toEqual(['ok']);
  });

  it('`awsh test <path>` runs Invoke-Pester with the exit code set', () => {
    const r = parseArgs(['test', './tests', '-Output', 'Detailed']) as { ok: boolean; options?: { mode: unknown } };
    expect(JSON.stringify(r)).toContain("Invoke-Pester './tests' -Output 'Detailed' -EnableExit");
  });
});
