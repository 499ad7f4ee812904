BeforeAll { Import-Module $PSScriptRoot/fixtures/ScopeDemo.psm1 -Force }
Describe 'ScopeDemo' {
  It 'public' { Get-Public | Should -Be 'secret-init' }
  It 'private via InModuleScope' {
    InModuleScope ScopeDemo { Get-Secret | Should -Be 'secret-init'; $script:state | Should -Be 'init' }
  }
  It 'params' {
    InModuleScope ScopeDemo -Parameters @{ X = 5 } { param($X) $X | Should -Be 5 }
    InModuleScope ScopeDemo -Parameters @{ Y = 6 } { $Y | Should -Be 6 }
    InModuleScope ScopeDemo -ArgumentList 1,2 { param($a, $b) $a + $b } | Should -Be 3
  }
  It 'mock inside module' {
    Mock Get-Secret { 'mocked' } -ModuleName ScopeDemo
    Get-Public | Should -Be 'mocked'
  }
  It 'missing module' { { InModuleScope Nope { 1 } } | Should -Throw "No modules named 'Nope' are currently loaded." }
  It 'private not visible outside' { { Get-Secret } | Should -Throw }
}
InModuleScope ScopeDemo {
  Describe 'inside' { It 'sees private' { Get-Secret | Should -Be 'secret-init' } }
}
