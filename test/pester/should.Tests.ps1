Describe 'Should operators' {
    It '-Be and -Not -Be' {
        1 | Should -Be 1
        'abc' | Should -Be 'ABC'
        1 | Should -Not -Be 2
        @(1, 2) | Should -Be @(1, 2)
        $null | Should -Be $null
    }
    It '-BeExactly' {
        'abc' | Should -BeExactly 'abc'
        'abc' | Should -Not -BeExactly 'ABC'
    }
    It '-Be compares with the expected value on the left' {
        # `'hello' -eq $matchInfo` converts the MatchInfo to a string; `$matchInfo -eq 'hello'` is false.
        'hello' | Select-String 'l' | Should -Be 'hello'
        'hello' | Select-String 'l' | Should -BeExactly 'hello'
    }
    It '-Be treats $null, @() and @($null) as equal' {
        @() | Should -Be $null
        , @($null) | Should -Be @()
        @() | Should -Not -Be 1
    }
    It '-BeNullOrEmpty' {
        $null | Should -BeNullOrEmpty
        '' | Should -BeNullOrEmpty
        @() | Should -BeNullOrEmpty
        'x' | Should -Not -BeNullOrEmpty
    }
    It '-BeTrue -BeFalse' {
        $true | Should -BeTrue
        $false | Should -BeFalse
        1 | Should -BeTrue
        0 | Should -Not -BeTrue
    }
    It '-BeOfType' {
        1 | Should -BeOfType [int]
        'a' | Should -BeOfType 'string'
        'a' | Should -Not -BeOfType [int]
        @{} | Should -BeOfType [hashtable]
    }
    It 'comparisons' {
        5 | Should -BeGreaterThan 4
        5 | Should -BeLessThan 6
        5 | Should -BeGreaterOrEqual 5
        5 | Should -BeLessOrEqual 5
        5 | Should -Not -BeGreaterThan 5
        1, 2, 3 | Should -BeGreaterThan 0
    }
    It '-Match -MatchExactly -BeLike -BeLikeExactly' {
        'Hello World' | Should -Match 'world'
        'Hello World' | Should -MatchExactly 'World'
        'Hello World' | Should -Not -MatchExactly 'world'
        'Hello World' | Should -BeLike 'hello*'
        'Hello World' | Should -BeLikeExactly 'Hello*'
        'Hello World' | Should -Not -BeLikeExactly 'hello*'
    }
    It '-Contain -BeIn -HaveCount see the collection' {
        1, 2, 3 | Should -Contain 2
        1, 2, 3 | Should -Not -Contain 4
        2 | Should -BeIn 1, 2, 3
        4 | Should -Not -BeIn 1, 2, 3
        1, 2, 3 | Should -HaveCount 3
        @() | Should -HaveCount 0
        , @(1, 2) | Should -HaveCount 2
    }
    It '-ActualValue without the pipeline' {
        Should -ActualValue @(1, 2) -Be @(1, 2)
    }
    It '-Exist -FileContentMatch' {
        $f = Join-Path $TestDrive 'f.txt'
        Set-Content -Path $f -Value 'line one', 'Line Two'
        $f | Should -Exist
        (Join-Path $TestDrive 'nope') | Should -Not -Exist
        $f | Should -FileContentMatch 'line two'
        $f | Should -FileContentMatchExactly 'Line Two'
        $f | Should -Not -FileContentMatch 'three'
    }
    It '-Throw with message, ErrorId, ExceptionType and PassThru' {
        { throw 'boom' } | Should -Throw
        # Pester 5: the message and the error id match as -like patterns.
        { throw 'boom happened' } | Should -Throw 'boom*'
        { throw 'boom happened' } | Should -Throw -ExpectedMessage '*happened'
        { Get-Item -Path /no/such/path -ErrorAction Stop } | Should -Throw -ErrorId 'PathNotFound,*'
        { [int]::Parse('x') } | Should -Throw -ExceptionType ([System.Management.Automation.MethodInvocationException])
        { 1 } | Should -Not -Throw
        $err = { throw 'passthru' } | Should -Throw -PassThru
        $err.Exception.Message | Should -Be 'passthru'
    }
    It 'legacy syntax' {
        1 | Should Be 1
        1 | Should Not Be 2
    }
}

Describe 'Failure messages' {
    It '<Name>' -TestCases @(
        @{ Name = 'Be'; Block = { 1 | Should -Be 2 }; Message = 'Expected 2, but got 1.' }
        @{ Name = 'Be null'; Block = { $null | Should -Be 'x' }; Message = "Expected 'x', but got `$null." }
        @{ Name = 'Be because'; Block = { 1 | Should -Be 2 -Because 'math' }; Message = 'Expected 2, because math, but got 1.' }
        @{ Name = 'Not Be'; Block = { 1 | Should -Not -Be 1 }; Message = 'Expected 1 to be different from the actual value, but got the same value.' }
        @{ Name = 'BeNullOrEmpty'; Block = { 'a' | Should -BeNullOrEmpty }; Message = "Expected `$null or empty, but got 'a'." }
        @{ Name = 'BeTrue'; Block = { $false | Should -BeTrue }; Message = 'Expected $true, but got $false.' }
        @{ Name = 'BeGreaterThan'; Block = { 1 | Should -BeGreaterThan 2 }; Message = 'Expected the actual value to be greater than 2, but got 1.' }
        @{ Name = 'Match'; Block = { 'abc' | Should -Match 'x' }; Message = "Expected regular expression 'x' to match 'abc', but it did not match." }
        @{ Name = 'BeLike'; Block = { 'abc' | Should -BeLike 'x*' }; Message = "Expected like wildcard 'x*' to match 'abc', but it did not match." }
        @{ Name = 'Contain'; Block = { 1, 2 | Should -Contain 3 }; Message = 'Expected 3 to be found in collection @(1, 2), but it was not found.' }
        @{ Name = 'HaveCount'; Block = { 1, 2 | Should -HaveCount 3 }; Message = 'Expected a collection with size 3, but got collection with size 2 @(1, 2).' }
        @{ Name = 'BeOfType'; Block = { 'a' | Should -BeOfType [int] }; Message = "Expected the value to have type [int] or any of its subtypes, but got 'a' with type [string]." }
        @{ Name = 'Throw'; Block = { { 1 } | Should -Throw }; Message = 'Expected an exception to be thrown, but no exception was thrown.' }
        @{ Name = 'Exist'; Block = { '/no/such' | Should -Exist }; Message = "Expected path '/no/such' to exist, but it did not exist." }
    ) {
        param($Block, $Message)
        $err = $Block | Should -Throw -PassThru
        $err.Exception.Message | Should -BeExactly $Message
        $err.FullyQualifiedErrorId | Should -Be 'PesterAssertionFailed'
    }
}
