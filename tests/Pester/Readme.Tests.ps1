# The README's PowerShell snippets: every one parses, and the first example (the one a new user tries) runs as
# written against the sandbox. Get-Secret is a stand-in that returns the sandbox key, Connect-Loops is pointed at
# the sandbox with $PSDefaultParameterValues, and $ConfirmPreference = 'None' answers the scheduling prompt.

BeforeDiscovery {
    $readme = Join-Path -Path (Split-Path -Path (Split-Path -Path $PSScriptRoot -Parent) -Parent) -ChildPath 'README.md'
    $text = Get-Content -LiteralPath $readme -Raw
    $snippets = @([regex]::Matches($text, '(?ms)^```powershell\r?\n(.*?)^```') | ForEach-Object -Begin { $n = 0 } -Process {
            $n++
            @{ Number = $n; Code = $_.Groups[1].Value }
        })
}

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-CampaignPSModule
    $sandbox = Start-TestSandbox
    $readme = Join-Path -Path (Get-RepositoryRoot) -ChildPath 'README.md'
}

AfterAll {
    Disconnect-Loops -ErrorAction SilentlyContinue
    Stop-TestSandbox -Sandbox $sandbox
}

Describe 'README snippets' {
    It 'snippet <Number> parses with PowerShell''s parser' -ForEach $snippets {
        $tokens = $null
        $errors = $null
        $null = [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref]$tokens, [ref]$errors)
        $errors | Should -BeNullOrEmpty
    }

    It 'runs the first example as written and schedules the campaign for the Main list' {
        Reset-TestSandbox
        $first = ([regex]::Matches((Get-Content -LiteralPath $readme -Raw), '(?ms)^```powershell\r?\n(.*?)^```'))[0].Groups[1].Value
        $folder = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('campaignps-readme-' + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $folder
        Set-Content -LiteralPath (Join-Path -Path $folder -ChildPath 'spring.lmx') -Value '<Heading>Spring</Heading>' -Encoding utf8
        $target = $sandbox
        $key = Get-SandboxLoopsKey
        Push-Location -LiteralPath $folder
        try {
            & {
                function Get-Secret { param([string] $Name) ConvertTo-SecureString -String $key -AsPlainText -Force }
                $PSDefaultParameterValues = @{ 'Connect-Loops:BaseUri' = $target.LoopsUri }
                $ConfirmPreference = 'None'
                . ([scriptblock]::Create($first))
            }
        }
        finally {
            Pop-Location
            Remove-Item -LiteralPath $folder -Recurse -Force
        }

        $campaign = Get-LoopsCampaign -All | Where-Object Name -eq 'Spring announcement'
        $campaign.Status | Should -Be 'Scheduled'
        $campaign.MailingListId | Should -Be (Get-LoopsMailingList -Name 'Main*').Id
        ($campaign | Get-LoopsEmailMessage).Subject | Should -Be 'Big spring updates'
    }
}
