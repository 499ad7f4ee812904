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
  { names: ['Test-Path', 'Resolve-Path', 'Join-Path', 'Split-Path'], load: async () => (await import('./path-cmdlets.js')).cmdlets },
  { names: ['Get-Location', 'Set-Location', 'Push-Location', 'Pop-Location'], load: async () => (await import('./location-cmdlets.js')).cmdlets },
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
  { names: ['Tee-Object'], load: async () => (await import('./tee-object.js')).cmdlets },
  { names: ['Get-Unique'], load: async () => (await import('./get-unique.js')).cmdlets },
  { names: ['Get-Error'], load: async () => (await import('./get-error.js')).cmdlets },
  { names: ['Set-StrictMode'], load: async () => (await import('./strict-mode.js')).cmdlets },
  { names: ['Measure-Command'], load: async () => (await import('./measure-command.js')).cmdlets },
  { names: ['Get-Culture', 'Get-UICulture'], load: async () => (await import('./culture-cmdlets.js')).cmdlets },
  { names: ['Update-FormatData'], load: async () => (await import('./format-data.js')).cmdlets },
  {
    names: [
      'Describe', 'Context', 'It', 'BeforeAll', 'AfterAll', 'BeforeEach', 'AfterEach', 'Set-ItResult', 'Should', 'Mock',
      'Invoke-PesterMock', 'Assert-MockCalled', 'Assert-VerifiableMock', 'Invoke-Pester', 'InModuleScope',
    ],
    load: async () => (await import('../pester/index.js')).pesterCmdlets,
  },
];
