function Get-ConfigValue {
    param(
        [Parameter(Mandatory)][string]$Path,
        [Parameter(Mandatory)][string]$Key
    )
    if (-not (Test-Path -Path $Path)) {
        throw "Config file '$Path' not found"
    }
    $config = Get-Content -Path $Path -Raw | ConvertFrom-Json
    $config.$Key
}

function Set-ConfigValue {
    param([string]$Path, [string]$Key, $Value)
    $config = @{}
    if (Test-Path -Path $Path) {
        $json = Get-Content -Path $Path -Raw | ConvertFrom-Json
        foreach ($p in $json.PSObject.Properties) { $config[$p.Name] = $p.Value }
    }
    $config[$Key] = $Value
    $config | ConvertTo-Json | Set-Content -Path $Path
}
