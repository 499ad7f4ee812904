# Pester 5 features: BeforeDiscovery data, -ForEach templates, Set-ItResult, custom Should operators, New-MockObject,
# HaveParameter, data-driven $_, mocks of native commands and cmdlets with pipeline input.
BeforeDiscovery {
    $script:cases = @(
        @{ Name = 'one'; Value = 1; Meta = @{ Kind = 'odd' } }
        @{ Name = 'two'; Value = 2; Meta = @{ Kind = 'even' } }
    )
}

BeforeAll {
    function Assert-Positive($ActualValue, [switch] $Negate, [string] $Because) {
        $ok = ($ActualValue -gt 0) -xor $Negate
        [pscustomobject]@{ Succeeded = $ok; FailureMessage = "Expected $ActualValue to$(if ($Negate) { ' not' }) be positive" }
    }
    Add-ShouldOperator -Name BePositive -Test ${function:Assert-Positive} -Alias BP
    function Get-Number { [CmdletBinding()] param([Parameter(Mandatory)][int] $Value, [string] $Label = 'n') "$Label$Value" }
    $script:fromBeforeAll = 'visible'
}

Describe 'Data <Name>' -ForEach $cases {
    It '<Name> has value <Value> and kind <Meta.Kind>' {
        $Value | Should -BeGreaterThan 0
        $_.Name | Should -Be $Name
        $Meta.Kind | Should -BeIn 'odd', 'even'
    }
    It 'expands <_.Name> from the block item' {
        $_.Value | Should -Be $Value
    }
}

Describe 'Templates and data' {
    It 'item <_>' -ForEach 'a', 'b' { $_ | Should -BeIn 'a', 'b' }
    It 'hashtable <Word>' -ForEach @(@{ Word = 'x' }) { $Word | Should -Be 'x'; $_.Word | Should -Be 'x' }
    It 'no tests from an empty -ForEach' -ForEach @() { throw 'never' }
    It 'sees BeforeAll variables' { $fromBeforeAll | Should -Be 'visible' }
}

Describe 'Results' {
    It 'skips at run time' { Set-ItResult -Skipped -Because 'not today' }
    It 'pending counts as skipped' -Pending { throw 'never' }
    It 'inconclusive' { Set-ItResult -Inconclusive }
    It 'skip switch' -Skip { throw 'never' }
}

Describe 'Custom operators' {
    It 'uses the operator and its alias' {
        5 | Should -BePositive
        -1 | Should -Not -BP
        { -3 | Should -BePositive } | Should -Throw 'Expected -3 to be positive'
    }
    It 'lists operators' {
        (Get-ShouldOperator).Name | Should -Contain 'BePositive'
        (Get-ShouldOperator -Name BP).Name | Should -Be 'BePositive'
    }
}

Describe 'Mocks' {
    It 'mocks a native command' {
        Mock git { 'fake' }
        git status | Should -Be 'fake'
        Should -Invoke git -Times 1 -Exactly
    }
    It 'mocks a cmdlet that takes pipeline input' {
        Mock Out-String { "out:$InputObject" }
        'a' | Out-String | Should -Be 'out:a'
        Should -Invoke Out-String -ParameterFilter { $InputObject -eq 'a' }
    }
    It 'New-MockObject builds a typed fake' {
        $p = New-MockObject -Type System.Diagnostics.Process -Properties @{ Id = 42 } -Methods @{ Kill = { 'killed' } }
        $p.Id | Should -Be 42
        $p.Kill() | Should -Be 'killed'
        $p.PSObject.TypeNames[0] | Should -Be 'System.Diagnostics.Process'
    }
    It 'verifiable mocks' {
        Mock Get-Number { 'mocked' } -Verifiable -ParameterFilter { $Value -eq 3 }
        Get-Number -Value 3 | Should -Be 'mocked'
        Get-Number -Value 4 | Should -Be 'n4'
        Should -InvokeVerifiable
    }
}

Describe 'HaveParameter' {
    It 'checks a function' {
        Get-Command Get-Number | Should -HaveParameter Value -Type int -Mandatory
        Get-Command Get-Number | Should -HaveParameter Label -DefaultValue 'n'
        Get-Command Get-Number | Should -Not -HaveParameter Label -Mandatory
        { Get-Command Get-Number | Should -HaveParameter Label -Type int } |
            Should -Throw 'Expected command Get-Number to have a parameter Label, of type `[System.Int32`], but it was of type `[System.String`].'
    }
    It 'checks a cmdlet' {
        Get-Command Get-ChildItem | Should -HaveParameter Path -Type 'string[]'
        Get-Command Get-ChildItem | Should -HaveParameter Recurse -Type switch
        Get-Command Get-ChildItem | Should -Not -HaveParameter NoSuchParameter
    }
}
