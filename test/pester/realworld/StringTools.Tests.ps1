# Pester 5 community style: dot-source the script under test in a file-level BeforeAll.
BeforeAll {
    . $PSScriptRoot/StringTools.ps1
}

Describe 'ConvertTo-Slug' {
    It 'converts "<Text>" to "<Expected>"' -ForEach @(
        @{ Text = 'Hello World'; Expected = 'hello-world' }
        @{ Text = '  Trim me  '; Expected = 'trim-me' }
        @{ Text = 'PowerShell 7.4!'; Expected = 'powershell-7-4' }
    ) {
        ConvertTo-Slug -Text $Text | Should -Be $Expected
    }

    It 'accepts pipeline input' {
        'A B', 'C D' | ConvertTo-Slug | Should -Be @('a-b', 'c-d')
    }
}

Describe 'Get-Initials' {
    Context 'valid names' {
        It 'returns the initials' {
            Get-Initials -Name 'ada lovelace' | Should -BeExactly 'AL'
        }
    }
    Context 'invalid names' {
        It 'throws on an empty name' {
            { Get-Initials -Name '' } | Should -Throw -ExpectedMessage '*must not be empty*'
        }
        It 'throws an ArgumentException' {
            { Get-Initials -Name ' ' } | Should -Throw -ExceptionType ([System.ArgumentException])
        }
    }
}
