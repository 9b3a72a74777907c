# Loads the build that matches the running PowerShell: net8.0 for PowerShell 7.4+, netstandard2.0
# for Windows PowerShell 5.1. Each build ships only the dependencies its runtime does not carry.
if ($PSVersionTable.PSEdition -eq 'Core') {
    if ($PSVersionTable.PSVersion -lt [version]'7.4') {
        throw "CampaignPS needs PowerShell 7.4 or later (or Windows PowerShell 5.1); this is $($PSVersionTable.PSVersion)."
    }
    $framework = 'net8.0'
}
else {
    $framework = 'netstandard2.0'
}

$assemblyPath = Join-Path -Path (Join-Path -Path $PSScriptRoot -ChildPath $framework) -ChildPath 'CampaignPS.dll'
Import-Module -Name $assemblyPath -ErrorAction Stop
Export-ModuleMember -Cmdlet '*'
