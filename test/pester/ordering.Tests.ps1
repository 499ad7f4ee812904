# Pester 4 ordering rules: bodies run in order, It runs where it stands, setup blocks are hoisted.
$script:log = [System.Collections.Generic.List[string]]::new()
$fileLevel = 'file'

Describe 'Hoisted BeforeAll' {
    It 'sees a variable from a BeforeAll written after it' {
        $late | Should -Be 'from BeforeAll'
    }
    BeforeAll { $late = 'from BeforeAll' }

    It 'sees file-level variables' { $fileLevel | Should -Be 'file' }
}

Describe 'BeforeEach and AfterEach nesting' {
    BeforeEach { $script:log.Add('outer-before') }
    AfterEach { $script:log.Add('outer-after') }
    Context 'inner' {
        BeforeEach { $script:log.Add('inner-before') }
        AfterEach { $script:log.Add('inner-after') }
        It 'runs outer setup first' {
            $script:log.Add('test')
            ($script:log -join ',') | Should -Be 'outer-before,inner-before,test'
        }
    }
    It 'runs inner teardown before outer teardown' {
        ($script:log -join ',') | Should -Be 'outer-before,inner-before,test,inner-after,outer-after,outer-before'
    }
}

Describe 'Data built in the block body' {
    $cases = foreach ($n in 1..3) { @{ N = $n; Square = $n * $n } }
    foreach ($c in $cases) {
        It "squares $($c.N)" { $c.Square | Should -Be ($c.N * $c.N) }
    }
    It 'runs in order with body code' { $cases.Count | Should -Be 3 }
    $afterIt = 'later'
    It 'sees body variables assigned before it' { $afterIt | Should -Be 'later' }
}

Describe 'Setup scope' {
    BeforeAll {
        function Get-Helper { 'helper' }
        $shared = @{ Count = 0 }
    }
    BeforeEach { $shared.Count++ }
    It 'calls a function defined in BeforeAll' { Get-Helper | Should -Be 'helper' }
    It 'shares state across tests' { $shared.Count | Should -Be 2 }
    It 'runs each test in a child scope' {
        $local = 1
        $local | Should -Be 1
    }
    It 'does not see variables of an earlier test' { $local | Should -BeNullOrEmpty }
    Context 'nested' {
        It 'sees outer setup' { Get-Helper | Should -Be 'helper' }
    }
    AfterAll { $script:afterAllRan = $true }
}

Describe 'AfterAll ran' {
    It 'ran the previous AfterAll' { $script:afterAllRan | Should -BeTrue }
}

Describe 'Nested Describe' {
    Describe 'inner describe' {
        It 'works' { $true | Should -BeTrue }
    }
}
