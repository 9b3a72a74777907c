# The parse check: every PowerShell file in the repository (.ps1, .psm1, .psd1, outside build output) parses with
# PowerShell's own parser, System.Management.Automation.Language.Parser. One test per file, so a parse error names it.

BeforeDiscovery {
    $repositoryRoot = Split-Path -Path (Split-Path -Path $PSScriptRoot -Parent) -Parent
    $skipped = '[\\/](bin|obj|out|node_modules|\.git)[\\/]'
    $files = @(Get-ChildItem -LiteralPath $repositoryRoot -Recurse -File -Include '*.ps1', '*.psm1', '*.psd1' |
            Where-Object { $_.FullName.Substring($repositoryRoot.Length) -notmatch $skipped } |
            Sort-Object -Property FullName |
            ForEach-Object { @{ File = $_.FullName; Name = $_.FullName.Substring($repositoryRoot.Length + 1).Replace('\', '/') } })
}

Describe 'PowerShell files parse' {
    It 'finds the files to check' -TestCases @(@{ Count = $files.Count }) {
        param($Count)
        # build.ps1, the manifest, the loader, the Pester runner, helpers and test files at the least.
        $Count | Should -BeGreaterOrEqual 6
    }

    It '<Name> has no parse errors' -TestCases $files {
        param($File)
        $tokens = $null
        $errors = $null
        $null = [System.Management.Automation.Language.Parser]::ParseFile($File, [ref] $tokens, [ref] $errors)
        @($errors | ForEach-Object { 'line {0}: {1}' -f $_.Extent.StartLineNumber, $_.Message }) | Should -BeNullOrEmpty
    }
}
