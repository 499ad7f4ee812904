# A small module in the style of popular PowerShell modules: advanced functions with parameter sets, aliases,
# validation, an argument completer, a private helper and a call to an external command.
function Get-InventoryItem {
    [CmdletBinding(DefaultParameterSetName = 'ByName')]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory, ParameterSetName = 'ByName', Position = 0)]
        [Alias('ItemName', 'N')]
        [string] $Name,

        [Parameter(Mandatory, ParameterSetName = 'ById')]
        [ValidateRange(1, 1000)]
        [int] $Id,

        [ArgumentCompleter({ 'warehouse', 'store' })]
        [string] $Location = 'warehouse',

        [switch] $IncludeRetired
    )
    $all = Get-InventoryData
    $items = if ($PSCmdlet.ParameterSetName -eq 'ById') { $all | Where-Object Id -EQ $Id } else { $all | Where-Object Name -Like $Name }
    if (-not $IncludeRetired) { $items = $items | Where-Object { -not $_.Retired } }
    $items | Where-Object Location -EQ $Location
}

function Set-InventoryCount {
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory, ValueFromPipelineByPropertyName)]
        [string] $Name,
        [Parameter(Mandatory)]
        [ValidateScript({ $_ -ge 0 })]
        [int] $Count
    )
    process {
        if ($PSCmdlet.ShouldProcess($Name, 'Set count')) {
            Write-InventoryLog "set $Name=$Count"
            [pscustomobject]@{ Name = $Name; Count = $Count }
        }
    }
}

function Sync-Inventory {
    [CmdletBinding()]
    param([string] $Remote = 'origin')
    $out = git fetch $Remote 2>&1
    if ($LASTEXITCODE -ne 0) { throw "Sync from '$Remote' failed: $out" }
    'synced'
}

function Get-InventoryData {
    @(
        [pscustomobject]@{ Id = 1; Name = 'bolt'; Location = 'warehouse'; Retired = $false }
        [pscustomobject]@{ Id = 2; Name = 'nut'; Location = 'warehouse'; Retired = $true }
        [pscustomobject]@{ Id = 3; Name = 'bracket'; Location = 'store'; Retired = $false }
    )
}

function Write-InventoryLog { param([string] $Message) $script:log += @($Message) }

$script:log = @()
Export-ModuleMember -Function Get-InventoryItem, Set-InventoryCount, Sync-Inventory
