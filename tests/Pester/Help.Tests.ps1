# Get-Help in real PowerShell: every exported cmdlet has the generated help (not PowerShell's stub), and every
# example in it parses with PowerShell's own parser.

BeforeDiscovery {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    $cmdlets = @((Read-ModuleManifest).CmdletsToExport | ForEach-Object { @{ Name = $_ } })
}

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-CampaignPSModule
}

Describe 'Get-Help <Name>' -ForEach $cmdlets {
    BeforeAll {
        $help = Get-Help -Name $Name -Full
    }

    It 'has the module''s synopsis and description' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        # PowerShell's stub for a command without help is its syntax line.
        $help.Synopsis | Should -Not -BeLike "$Name *"
        ($help.description | Out-String).Trim() | Should -Not -BeNullOrEmpty
    }

    It 'has examples that parse' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            $tokens = $null
            $errors = $null
            $null = [System.Management.Automation.Language.Parser]::ParseInput([string] $example.code, [ref] $tokens, [ref] $errors)
            @($errors | ForEach-Object { '{0}: {1}' -f $example.title, $_.Message }) | Should -BeNullOrEmpty
        }
    }
}
