# Pester 4 style: module imported at the top, mocks in Describe/Context bodies, Assert-MockCalled, TestDrive.
$here = Split-Path -Parent $MyInvocation.MyCommand.Path
if (-not $here) { $here = $PSScriptRoot }
Import-Module "$PSScriptRoot/ConfigStore.psm1" -Force

Describe 'Get-ConfigValue' {
    Context 'when the file is missing' {
        Mock Test-Path { $false } -ModuleName ConfigStore
        It 'throws a helpful error' {
            { Get-ConfigValue -Path 'missing.json' -Key 'a' } | Should -Throw "Config file 'missing.json' not found"
        }
        It 'checked the path once per call' {
            Assert-MockCalled Test-Path -Exactly 1 -Scope Context -ModuleName ConfigStore
        }
    }

    Context 'when the file exists' {
        Mock Test-Path { $true } -ModuleName ConfigStore
        Mock Get-Content { '{ "region": "us-east-1", "retries": 3 }' } -ModuleName ConfigStore
        It 'returns the value of <Key>' -TestCases @(
            @{ Key = 'region'; Expected = 'us-east-1' }
            @{ Key = 'retries'; Expected = 3 }
        ) {
            param($Key, $Expected)
            Get-ConfigValue -Path 'config.json' -Key $Key | Should -Be $Expected
        }
        It 'reads the file it was given' {
            Assert-MockCalled Get-Content -ParameterFilter { $Path -eq 'config.json' } -Scope Context
        }
    }
}

Describe 'Set-ConfigValue' {
    BeforeEach {
        $file = Join-Path $TestDrive 'settings.json'
    }
    It 'creates the file' {
        Set-ConfigValue -Path $file -Key 'name' -Value 'demo'
        $file | Should -Exist
        $file | Should -FileContentMatch '"name"'
    }
    It 'keeps existing keys' {
        Set-ConfigValue -Path $file -Key 'other' -Value 1
        (Get-Content $file -Raw | ConvertFrom-Json).name | Should -Be 'demo'
    }
}
