# Loads the build that matches the running PowerShell.
# - PowerShell 7.4+: net8.0/CampaignPS.Loader.dll (the only CampaignPS assembly in the default load context)
#   loads CampaignPS.dll and its dependencies from net8.0/lib into CampaignPS's own AssemblyLoadContext, so
#   another module's Microsoft.Extensions.* (older or newer) never meets ours.
# - Windows PowerShell 5.1: netstandard2.0/CampaignPS.dll, whose module initializer resolves the
#   dependencies it ships (and only those, for requests from its own assemblies).
$importModule = Get-Command -Name 'Import-Module' -Module 'Microsoft.PowerShell.Core'

if ($PSVersionTable.PSEdition -eq 'Core') {
    if ($PSVersionTable.PSVersion -lt [version]'7.4') {
        throw "CampaignPS needs PowerShell 7.4 or later (or Windows PowerShell 5.1); this is $($PSVersionTable.PSVersion)."
    }

    if (-not ('CampaignPS.Loader.ModuleLoadContext' -as [type])) {
        Add-Type -LiteralPath ([System.IO.Path]::Combine($PSScriptRoot, 'net8.0', 'CampaignPS.Loader.dll'))
    }

    $moduleAssembly = [CampaignPS.Loader.ModuleLoadContext]::LoadModule()
    $innerModule = & $importModule -Assembly $moduleAssembly -PassThru -ErrorAction Stop

    # Import-Module -Assembly hands back a cached module on a second import in the same session (Remove-Module,
    # then Import-Module) without exporting its cmdlets into this module again (PowerShell/PowerShell#20710).
    $addExportedCmdlet = [System.Management.Automation.PSModuleInfo].GetMethod('AddExportedCmdlet', [System.Reflection.BindingFlags]'Instance, NonPublic')
    foreach ($cmdlet in $innerModule.ExportedCmdlets.Values) {
        $null = $addExportedCmdlet.Invoke($ExecutionContext.SessionState.Module, @(, $cmdlet))
    }
}
else {
    & $importModule -Name ([System.IO.Path]::Combine($PSScriptRoot, 'netstandard2.0', 'CampaignPS.dll')) -ErrorAction Stop
}

Export-ModuleMember -Cmdlet '*'
