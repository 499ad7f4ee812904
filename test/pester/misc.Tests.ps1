Import-Module Pester

Describe 'Set-ItResult' {
    It 'can skip at run time' { Set-ItResult -Skipped -Because 'not today' }
    It 'can mark pending' { Set-ItResult -Pending }
    It 'can mark inconclusive' { Set-ItResult -Inconclusive }
}

Describe 'TestDrive' {
    It 'is a folder' {
        $TestDrive | Should -Exist
        Set-Content -Path 'TestDrive:\data.txt' -Value 'content'
        Get-Content -Path (Join-Path $TestDrive 'data.txt') | Should -Be 'content'
        'TestDrive:\data.txt' | Should -Exist
    }
    It 'keeps files within the Describe' { (Join-Path $TestDrive 'data.txt') | Should -Exist }
    $script:drive = $TestDrive
}

Describe 'TestDrive cleanup' {
    It 'removed the previous folder' { $script:drive | Should -Not -Exist }
}

Describe 'Hosting API' {
    It 'runs scripts through [powershell]::Create()' {
        $ps = [powershell]::Create()
        $ps.AddScript('1 + 1').Invoke() | Should -Be 2
        $ps.Commands.Clear()
        $ps.AddCommand('Write-Output').AddArgument('x').Invoke() | Should -Be 'x'
        $ps.Commands.Clear()
        $ps.AddScript('param($a) $a * 2').AddParameter('a', 21).Invoke() | Should -Be 42
        $ps.HadErrors | Should -BeFalse
        $ps.Commands.Clear()
        $null = $ps.AddScript('Write-Error "bad"').Invoke()
        $ps.HadErrors | Should -BeTrue
        $ps.Streams.Error.Count | Should -Be 1
        $ps.Dispose()
    }
    It 'creates script blocks' {
        $sb = [scriptblock]::Create('param($x) $x + 1')
        & $sb 1 | Should -Be 2
    }
    It 'parses input with tokens and errors' {
        $tokens = $null; $errors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseInput('Get-Item x | Select-Object Name', [ref]$tokens, [ref]$errors)
        $errors.Count | Should -Be 0
        $tokens.Count | Should -BeGreaterThan 0
        $ast.EndBlock.Statements.Count | Should -Be 1
        $ast.Extent.Text | Should -Be 'Get-Item x | Select-Object Name'
        $commands = $ast.FindAll({ $args[0] -is [System.Management.Automation.Language.CommandAst] }, $true)
        $commands.Count | Should -Be 2
        $commands[0].GetCommandName() | Should -Be 'Get-Item'
    }
    It 'reports parse errors with ErrorId and Extent' {
        $tokens = $null; $errors = $null
        $null = [System.Management.Automation.Language.Parser]::ParseInput('if (', [ref]$tokens, [ref]$errors)
        $errors.Count | Should -BeGreaterThan 0
        $errors[0].ErrorId | Should -Be 'IfStatementMissingCondition'
        $errors[0].Extent.StartOffset | Should -Be 4
    }
}
