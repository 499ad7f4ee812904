function ConvertTo-Slug {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, ValueFromPipeline)]
        [string]$Text
    )
    process {
        $slug = $Text.ToLowerInvariant() -replace '[^a-z0-9]+', '-'
        $slug.Trim('-')
    }
}

function Get-Initials {
    param([string]$Name)
    if ([string]::IsNullOrWhiteSpace($Name)) { throw [System.ArgumentException]::new('Name must not be empty') }
    ($Name -split '\s+' | ForEach-Object { $_.Substring(0, 1).ToUpper() }) -join ''
}
