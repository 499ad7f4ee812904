# Style of infrastructure modules' tests: functions defined in the test file, data-driven Describes, tags,
# -Because on assertions and a mocked external command.
function Get-ServerInventory {
    param([string[]]$Role)
    $all = @(
        [pscustomobject]@{ Name = 'web01'; Role = 'web'; Cpu = 4 }
        [pscustomobject]@{ Name = 'web02'; Role = 'web'; Cpu = 8 }
        [pscustomobject]@{ Name = 'db01'; Role = 'db'; Cpu = 16 }
    )
    if ($Role) { $all | Where-Object Role -In $Role } else { $all }
}

function Test-ServerOnline {
    param([string]$Name)
    (Invoke-Ping -Target $Name) -eq 'ok'
}
function Invoke-Ping { param([string]$Target) throw 'network access in tests' }

Describe 'Get-ServerInventory' -Tag 'Unit' {
    $inventory = Get-ServerInventory

    It 'returns every server' {
        $inventory | Should -HaveCount 3 -Because 'three servers are defined'
    }

    foreach ($server in $inventory) {
        It "$($server.Name) has a known role" {
            $server.Role | Should -BeIn 'web', 'db'
        }
    }

    It 'filters by role' {
        (Get-ServerInventory -Role db).Name | Should -Be 'db01'
    }

    It 'gives every server at least 4 CPUs' {
        $inventory.Cpu | Should -BeGreaterOrEqual 4
    }

    It 'returns objects' {
        $inventory[0] | Should -BeOfType [pscustomobject]
    }
}

Describe 'Test-ServerOnline' -Tag 'Unit' {
    BeforeAll {
        Mock Invoke-Ping { 'ok' } -ParameterFilter { $Target -like 'web*' }
        Mock Invoke-Ping { 'timeout' }
    }
    It 'reports <Name> online: <Online>' -TestCases @(
        @{ Name = 'web01'; Online = $true }
        @{ Name = 'db01'; Online = $false }
    ) {
        param($Name, $Online)
        Test-ServerOnline -Name $Name | Should -Be $Online
    }
    It 'pinged each server once' {
        Assert-MockCalled Invoke-Ping -Times 2 -Exactly
    }
}

Describe 'Integration' -Tag 'Integration' {
    It 'would need real servers' { Invoke-Ping -Target 'web01' }
}
