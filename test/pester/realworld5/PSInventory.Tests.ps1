# Pester 5 style, as popular modules write their tests: module imported in BeforeAll, data from BeforeDiscovery
# driving -ForEach, InModuleScope for private functions, Mock -ModuleName, Should -HaveParameter.
BeforeDiscovery {
    $script:publicCommands = @('Get-InventoryItem', 'Set-InventoryCount', 'Sync-Inventory')
}

BeforeAll {
    $modulePath = Join-Path $PSScriptRoot 'PSInventory.psm1'
    Import-Module $modulePath -Force
}

AfterAll {
    Remove-Module PSInventory -Force -ErrorAction SilentlyContinue
}

Describe 'PSInventory module' -Tag 'Unit' {
    It '<_> is exported' -ForEach $publicCommands {
        Get-Command -Module PSInventory -Name $_ | Should -Not -BeNullOrEmpty
    }

    It 'does not export private helpers' {
        Get-Command -Module PSInventory -Name Get-InventoryData -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}

Describe 'Get-InventoryItem' -Tag 'Unit' {
    BeforeAll {
        $command = Get-Command Get-InventoryItem
    }

    Context 'parameters' {
        It 'has a mandatory Name parameter in the ByName set with aliases' {
            $command | Should -HaveParameter Name -Type [string] -Mandatory -InParameterSet ByName -Alias ItemName, N
        }
        It 'has an Id parameter of type int' {
            $command | Should -HaveParameter Id -Type int -Mandatory -InParameterSet ById
        }
        It 'completes Location and defaults it to warehouse' {
            $command | Should -HaveParameter Location -HasArgumentCompleter -DefaultValue 'warehouse'
        }
        It 'has an IncludeRetired switch that is not mandatory' {
            $command | Should -HaveParameter IncludeRetired -Type switch
            $command | Should -Not -HaveParameter IncludeRetired -Mandatory
        }
        It 'has no Force parameter' {
            $command | Should -Not -HaveParameter Force
        }
    }

    Context 'lookup by <Kind>' -ForEach @(
        @{ Kind = 'name'; Splat = @{ Name = 'bolt' }; ExpectedId = 1 }
        @{ Kind = 'id'; Splat = @{ Id = 3; Location = 'store' }; ExpectedId = 3 }
    ) {
        It 'finds item <ExpectedId>' {
            $item = Get-InventoryItem @Splat
            $item.Id | Should -Be $ExpectedId
            $item | Should -HaveCount 1
        }
    }

    It 'hides retired items unless asked' {
        Get-InventoryItem -Name 'nut' | Should -BeNullOrEmpty
        (Get-InventoryItem -Name 'nut' -IncludeRetired).Retired | Should -BeTrue
    }

    It 'rejects an Id out of range' {
        { Get-InventoryItem -Id 5000 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,Get-InventoryItem'
    }

    It 'uses the private data source' {
        Mock Get-InventoryData -ModuleName PSInventory { [pscustomobject]@{ Id = 9; Name = 'mocked'; Location = 'warehouse'; Retired = $false } }
        (Get-InventoryItem -Name 'mocked').Id | Should -Be 9
        Should -Invoke Get-InventoryData -ModuleName PSInventory -Times 1 -Exactly
    }
}

Describe 'Set-InventoryCount' -Tag 'Unit' {
    It 'sets counts from the pipeline by property name' {
        $result = [pscustomobject]@{ Name = 'bolt' }, [pscustomobject]@{ Name = 'nut' } | Set-InventoryCount -Count 4
        $result.Name | Should -Be @('bolt', 'nut')
        $result | ForEach-Object { $_.Count } | Should -Be @(4, 4)
    }

    It 'logs each change' {
        InModuleScope PSInventory {
            $script:log = @()
            Set-InventoryCount -Name 'bolt' -Count 1 | Out-Null
            $script:log | Should -Be 'set bolt=1'
        }
    }

    It 'honours -WhatIf' {
        Set-InventoryCount -Name 'bolt' -Count 1 -WhatIf | Should -BeNullOrEmpty
    }

    It 'rejects a negative count' {
        { Set-InventoryCount -Name 'bolt' -Count -1 } | Should -Throw '*validation script*'
    }
}

Describe 'Sync-Inventory' -Tag 'Integration' {
    It 'calls git fetch' {
        Mock git -ModuleName PSInventory { $global:LASTEXITCODE = 0; 'ok' }
        Sync-Inventory | Should -Be 'synced'
        Should -Invoke git -ModuleName PSInventory -ParameterFilter { $args -contains 'fetch' }
    }

    It 'throws when git fails' {
        Mock git -ModuleName PSInventory { $global:LASTEXITCODE = 1; 'fatal: no remote' }
        { Sync-Inventory -Remote 'nowhere' } | Should -Throw "Sync from 'nowhere' failed*"
    }
}
