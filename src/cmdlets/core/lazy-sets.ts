// Built-in cmdlets that load on first use: their modules are evaluated (and, in the CLI, compiled) only when a
// script names one of them, which keeps start-up short. The names are listed here so that command lookup knows
// them before loading; test/cmdlets/lazy-sets.test.ts checks each list against what its module declares.
import type { LazyCommandSet } from '../../runtime/cmdlet-api.js';
import { setBuiltinsLoader } from '../../runtime/types/ps-type.js';
import { installHostingTypes } from '../pester/hosting.js';

// [powershell]::Create() and [scriptblock]::Create are used without Pester too: define them with the builtins.
setBuiltinsLoader(installHostingTypes);

export const lazyCommandSets: LazyCommandSet[] = [
  {
    names: ['Get-ChildItem', 'Get-Item', 'New-Item', 'Remove-Item', 'Copy-Item', 'Move-Item', 'Rename-Item', 'Set-Item'],
    load: async () => (await import('./file-cmdlets.js')).cmdlets,
  },
  {
    names: ['Get-Content', 'Set-Content', 'Add-Content', 'Clear-Content', 'Out-File'],
    load: async () => (await import('./content-cmdlets.js')).cmdlets,
  },
  { names: ['Test-Path', 'Resolve-Path', 'Convert-Path', 'Join-Path', 'Split-Path'], load: async () => (await import('./path-cmdlets.js')).cmdlets },
  { names: ['Get-Location', 'Set-Location', 'Push-Location', 'Pop-Location'], load: async () => (await import('./location-cmdlets.js')).cmdlets },
  { names: ['Get-PSDrive', 'New-PSDrive', 'Remove-PSDrive', 'Get-PSProvider'], load: async () => (await import('./drive-cmdlets.js')).cmdlets },
  {
    names: ['Get-ItemProperty', 'Get-ItemPropertyValue', 'Set-ItemProperty', 'Clear-ItemProperty', 'Clear-Item'],
    load: async () => (await import('./item-property-cmdlets.js')).cmdlets,
  },
  {
    names: ['ConvertTo-Json', 'ConvertFrom-Json', 'ConvertTo-Csv', 'ConvertFrom-Csv', 'Export-Csv', 'Import-Csv', 'ConvertFrom-StringData'],
    load: async () => (await import('./data-cmdlets.js')).cmdlets,
  },
  { names: ['Select-String'], load: async () => (await import('./select-string.js')).cmdlets },
  { names: ['New-Object', 'Add-Member', 'Get-Member'], load: async () => (await import('./object-cmdlets.js')).cmdlets },
  {
    names: ['Import-Module', 'Get-Module', 'Remove-Module', 'Export-ModuleMember', 'New-Module', 'Install-AWSToolsModule', 'Update-AWSToolsModule'],
    load: async () => (await import('./module-cmdlets.js')).cmdlets,
  },
  { names: ['New-ModuleManifest'], load: async () => (await import('./module-manifest.js')).cmdlets },
  { names: ['Get-Help'], load: async () => (await import('./help.js')).cmdlets },
  { names: ['Compare-Object'], load: async () => (await import('./compare-object.js')).cmdlets },
  { names: ['Get-Process', 'Stop-Process', 'Wait-Process', 'Start-Process'], load: async () => (await import('./process-cmdlets.js')).cmdlets },
  {
    names: ['Start-Job', 'Start-ThreadJob', 'Get-Job', 'Wait-Job', 'Receive-Job', 'Stop-Job', 'Remove-Job'],
    load: async () => (await import('./job-cmdlets.js')).cmdlets,
  },
  { names: ['Invoke-WebRequest', 'Invoke-RestMethod'], load: async () => (await import('./web-cmdlets.js')).cmdlets },
  {
    names: ['Get-Host', 'Get-Uptime', 'Get-TimeZone', 'Get-ExecutionPolicy', 'Set-ExecutionPolicy', 'Import-PowerShellDataFile', 'Register-ArgumentCompleter'],
    load: async () => (await import('./misc-cmdlets.js')).cmdlets,
  },
  { names: ['Tee-Object'], load: async () => (await import('./tee-object.js')).cmdlets },
  { names: ['Get-Unique'], load: async () => (await import('./get-unique.js')).cmdlets },
  { names: ['Get-Error'], load: async () => (await import('./get-error.js')).cmdlets },
  { names: ['Set-StrictMode'], load: async () => (await import('./strict-mode.js')).cmdlets },
  { names: ['Measure-Command'], load: async () => (await import('./measure-command.js')).cmdlets },
  { names: ['Get-Culture', 'Get-UICulture'], load: async () => (await import('./culture-cmdlets.js')).cmdlets },
  { names: ['Update-FormatData'], load: async () => (await import('./format-data.js')).cmdlets },
  { names: ['Get-FileHash'], load: async () => (await import('./file-hash.js')).cmdlets },
  { names: ['Format-Hex'], load: async () => (await import('./format-hex.js')).cmdlets },
  { names: ['New-TemporaryFile'], load: async () => (await import('./temporary-file.js')).cmdlets },
  { names: ['Test-Json'], load: async () => (await import('./test-json.js')).cmdlets },
  { names: ['ConvertTo-Html'], load: async () => (await import('./convertto-html.js')).cmdlets },
  { names: ['Update-TypeData', 'Remove-TypeData'], load: async () => (await import('./update-typedata.js')).cmdlets },
  { names: ['Get-History', 'Add-History', 'Clear-History', 'Invoke-History'], load: async () => (await import('./history-cmdlets.js')).cmdlets },
  { names: ['Select-Xml', 'ConvertTo-Xml'], load: async () => (await import('./xml-cmdlets.js')).cmdlets },
  { names: ['Export-Clixml', 'Import-Clixml'], load: async () => (await import('./clixml.js')).cmdlets },
  { names: ['Get-Verb'], load: async () => (await import('./get-verb.js')).cmdlets },
  {
    names: [
      'Describe', 'Context', 'It', 'BeforeAll', 'AfterAll', 'BeforeEach', 'AfterEach', 'Set-ItResult', 'Setup', 'BeforeDiscovery', 'Should',
      'Add-ShouldOperator', 'Get-ShouldOperator', 'Mock', 'Invoke-PesterMock', 'Assert-MockCalled', 'Assert-VerifiableMock', 'Invoke-Pester',
      'New-PesterConfiguration', 'New-PesterContainer', 'InModuleScope', 'New-MockObject',
    ],
    load: async () => (await import('../pester/index.js')).pesterCmdlets,
  },
];
