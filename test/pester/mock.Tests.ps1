function Get-Greeting { param([string]$Name) "Hello $Name" }
function Invoke-Greeter { param([string]$Name) Get-Greeting -Name $Name }

Describe 'Mock' {
    Mock Get-Greeting { 'mocked' }
    It 'replaces a function for code under test' {
        Invoke-Greeter -Name 'x' | Should -Be 'mocked'
        Should -Invoke Get-Greeting -Times 1 -Exactly
    }
    It 'counts calls made in the describe with Assert-MockCalled' {
        Invoke-Greeter -Name 'y'
        Assert-MockCalled Get-Greeting -Times 2 -Exactly
    }
    Context 'parameter filter' {
        Mock Get-Greeting { 'special' } -ParameterFilter { $Name -eq 'vip' }
        It 'uses the filtered mock when it matches' {
            Invoke-Greeter -Name 'vip' | Should -Be 'special'
            Invoke-Greeter -Name 'other' | Should -Be 'mocked'
            Should -Invoke Get-Greeting -ParameterFilter { $Name -eq 'vip' } -Times 1 -Exactly
            Should -Not -Invoke Get-Greeting -ParameterFilter { $Name -eq 'nobody' }
        }
    }
    Context 'cmdlets' {
        Mock Get-Date { [datetime]'2020-01-02' }
        Mock Test-Path { $true } -ParameterFilter { $Path -eq '/fake' }
        It 'mocks a cmdlet' {
            (Get-Date).Year | Should -Be 2020
            Test-Path -Path '/fake' | Should -BeTrue
            Test-Path -Path '/definitely/not/here' | Should -BeFalse
            Should -Invoke Test-Path -Times 2 -Exactly
        }
    }
}

Describe 'Mocks are scoped to their block' {
    It 'calls the real function again' { Get-Greeting -Name 'z' | Should -Be 'Hello z' }
    It 'mock in an It stays in the It' {
        Mock Get-Greeting { 'in it' }
        Get-Greeting | Should -Be 'in it'
    }
    It 'is gone after the It' { Get-Greeting -Name 'w' | Should -Be 'Hello w' }
    It 'verifiable mocks' {
        Mock Get-Greeting { 'v' } -Verifiable
        Get-Greeting | Out-Null
        Should -InvokeVerifiable
        Assert-VerifiableMock
    }
}
