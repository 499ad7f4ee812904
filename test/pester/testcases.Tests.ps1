Describe 'TestCases' {
    It 'adds <A> and <B> to get <Expected>' -TestCases @(
        @{ A = 1; B = 2; Expected = 3 }
        @{ A = 2; B = 2; Expected = 4; Unused = 'ignored' }
    ) {
        param($A, $B, $Expected)
        $A + $B | Should -Be $Expected
    }

    $data = @(@{ Word = 'abc'; Length = 3 })
    It '<Word> has length <Length>' {
        param($Word, $Length)
        $Word.Length | Should -Be $Length
    } -TestCases:$data

    It 'alias -TestCase works' -TestCase @{ Value = 5 } {
        param($Value)
        $Value | Should -Be 5
    }

    It 'keys are variables without a param block' -TestCases @{ Name = 'x' } {
        $Name | Should -Be 'x'
    }

    It 'the name keeps unknown placeholders <Missing>' -TestCases @{ Value = 1 } {
        param($Value)
        $Value | Should -Be 1
    }

    It '-Skip:(condition) skips' -Skip:(1 -eq 1) { throw 'should not run' }
    It '-Skip:$false runs' -Skip:$false { 1 | Should -Be 1 }
    It '-Pending marks pending' -Pending { throw 'should not run' }
    It 'an empty -ForEach makes no tests' -ForEach @() { throw 'no' }
}

Describe 'Skipped describe' -Skip {
    It 'is skipped' { throw 'no' }
}

Describe 'Tagged' -Tag 'Slow' {
    It 'slow test' { 1 | Should -Be 1 }
}
