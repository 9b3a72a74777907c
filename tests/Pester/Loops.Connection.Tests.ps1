# Connect-Loops / Disconnect-Loops against the sandbox: key sources, key check, refusals, and the
# rule that the key never shows up in any object, stream or message.

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-CampaignPSModule
    $sandbox = Start-TestSandbox
    $key = Get-SandboxLoopsKey

    $savedEnvironmentKey = $env:LOOPS_API_KEY
    Remove-Item -Path 'Env:LOOPS_API_KEY' -ErrorAction SilentlyContinue
}

AfterAll {
    Disconnect-Loops -ErrorAction SilentlyContinue
    if ($null -ne $savedEnvironmentKey) {
        $env:LOOPS_API_KEY = $savedEnvironmentKey
    }
    else {
        Remove-Item -Path 'Env:LOOPS_API_KEY' -ErrorAction SilentlyContinue
    }
    Stop-TestSandbox -Sandbox $sandbox
}

Describe 'Connect-Loops' {
    BeforeEach {
        Disconnect-Loops
        Remove-Item -Path 'Env:LOOPS_API_KEY' -ErrorAction SilentlyContinue
        Reset-TestSandbox
    }

    AfterEach {
        Disconnect-Loops
        Remove-Item -Path 'Env:LOOPS_API_KEY' -ErrorAction SilentlyContinue
    }

    It 'connects with -ApiKey, checks the key once and returns the connection with -PassThru' {
        $connection = Connect-Loops -ApiKey (New-TestSecureString) -BaseUri $sandbox.LoopsUri -PassThru

        $connection.GetType().FullName | Should -Be 'CampaignPS.Connections.CampaignConnection'
        $connection.Platform.ToString() | Should -Be 'Loops'
        $connection.KeySource | Should -Be 'ApiKey'
        $connection.IsOpen | Should -BeTrue
        $connection.Account | Should -Be 'Sandbox team'
        $connection.BaseUri.AbsoluteUri | Should -Be ($sandbox.LoopsUri + '/')
        @(Get-SandboxRequests -Method 'GET' -PathPrefix '/loops/api/v1/api-key').Count | Should -Be 1
    }

    It 'writes nothing to the pipeline without -PassThru' {
        $output = Connect-Loops -ApiKey (New-TestSecureString) -BaseUri $sandbox.LoopsUri
        $output | Should -BeNullOrEmpty
    }

    It 'connects with -Credential (the password is the key)' {
        $credential = [System.Management.Automation.PSCredential]::new('ignored-user-name', (New-TestSecureString))
        $connection = Connect-Loops -Credential $credential -BaseUri $sandbox.LoopsUri -PassThru

        $connection.KeySource | Should -Be 'Credential'
        $connection.IsOpen | Should -BeTrue
    }

    It 'falls back to $env:LOOPS_API_KEY when no key is given' {
        $env:LOOPS_API_KEY = $key
        $connection = Connect-Loops -BaseUri $sandbox.LoopsUri -PassThru

        $connection.KeySource | Should -Be '$env:LOOPS_API_KEY'
        @(Get-LoopsMailingList).Count | Should -Be 2
    }

    It 'prefers -ApiKey over $env:LOOPS_API_KEY' {
        $env:LOOPS_API_KEY = 'not-the-sandbox-key'
        $connection = Connect-Loops -ApiKey (New-TestSecureString) -BaseUri $sandbox.LoopsUri -PassThru

        $connection.KeySource | Should -Be 'ApiKey'
    }

    It 'makes the connection the session default that the other cmdlets use' {
        Connect-Loops -ApiKey (New-TestSecureString) -BaseUri $sandbox.LoopsUri

        $campaign = New-LoopsCampaign -Name 'Uses the session default'
        $campaign.Id | Should -BeLike 'cmp_*'
        @(Get-LoopsCampaign).Count | Should -Be 1
    }

    It 'lets a cmdlet use an explicit -Connection' {
        $connection = Connect-Loops -ApiKey (New-TestSecureString) -BaseUri $sandbox.LoopsUri -PassThru

        $campaign = New-LoopsCampaign -Name 'Uses -Connection' -Connection $connection
        $campaign.Id | Should -BeLike 'cmp_*'
    }

    It 'stops with LoopsUnauthorized when the key is wrong, without showing the key' {
        $wrongKey = 'not-the-sandbox-key-0123'
        $caught = $null
        try {
            Connect-Loops -ApiKey (New-TestSecureString -Value $wrongKey) -BaseUri $sandbox.LoopsUri -ErrorAction Stop
        }
        catch {
            $caught = $_
        }

        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -BeLike 'LoopsUnauthorized*'
        $caught.CategoryInfo.Category.ToString() | Should -Be 'PermissionDenied'
        ($caught | Get-StreamText) | Should -Not -BeLike "*$wrongKey*"
        @(Get-SandboxRequests -Method 'GET' -PathPrefix '/loops/api/v1/api-key').Count | Should -Be 1
    }

    It 'is a terminating error that Should -Throw sees with ErrorId LoopsUnauthorized' {
        { Connect-Loops -ApiKey (New-TestSecureString -Value 'wrong-key') -BaseUri $sandbox.LoopsUri } |
            Should -Throw -ErrorId 'LoopsUnauthorized*'
    }

    It 'does not keep a connection whose key was rejected' {
        { Connect-Loops -ApiKey (New-TestSecureString -Value 'wrong-key') -BaseUri $sandbox.LoopsUri } | Should -Throw
        { Get-LoopsMailingList } | Should -Throw -ErrorId 'LoopsNotConnected*'
    }

    It 'stops with LoopsApiKeyMissing when there is no -ApiKey, -Credential or $env:LOOPS_API_KEY' {
        { Connect-Loops -BaseUri $sandbox.LoopsUri } | Should -Throw -ErrorId 'LoopsApiKeyMissing*'
        @(Get-SandboxRequests).Count | Should -Be 0
    }

    It 'refuses plain http to a host that is not loopback, before sending anything' {
        { Connect-Loops -ApiKey (New-TestSecureString) -BaseUri 'http://campaignps.example.com/loops/api/v1' } |
            Should -Throw -ErrorId 'LoopsInvalidBaseUri*' -ExpectedMessage '*https*'
    }

    It 'can skip the key check with -SkipKeyCheck' {
        $connection = Connect-Loops -ApiKey (New-TestSecureString) -BaseUri $sandbox.LoopsUri -SkipKeyCheck -PassThru

        $connection.IsOpen | Should -BeTrue
        @(Get-SandboxRequests).Count | Should -Be 0
    }

    It 'returns a connection object that shows the key in no property, ToString, format or JSON' {
        $connection = Connect-Loops -ApiKey (New-TestSecureString) -BaseUri $sandbox.LoopsUri -PassThru

        $names = @($connection.PSObject.Properties | ForEach-Object { $_.Name })
        $names | Should -Not -Contain 'ApiKey'
        $names | Should -Not -Contain 'Key'
        foreach ($property in $connection.PSObject.Properties) {
            [string]$property.Value | Should -Not -BeLike "*$key*"
        }
        $connection.ToString() | Should -Not -BeLike "*$key*"
        ($connection | Format-List -Property * | Out-String -Width 500) | Should -Not -BeLike "*$key*"
        ($connection | Format-Table | Out-String -Width 500) | Should -Not -BeLike "*$key*"
        ($connection | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue) | Should -Not -BeLike "*$key*"
    }

    It 'never writes the key to the verbose or debug stream' {
        $records = & {
            $DebugPreference = 'Continue'
            Connect-Loops -ApiKey (New-TestSecureString) -BaseUri $sandbox.LoopsUri -PassThru -Verbose
        } 4>&1 5>&1

        $verbose = @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        $verbose.Count | Should -BeGreaterThan 0
        $text = $records | Get-StreamText
        $text | Should -Not -BeLike "*$key*"
        $text | Should -Not -BeLike '*Bearer*'
    }
}

Describe 'Disconnect-Loops' {
    BeforeEach {
        Disconnect-Loops
        Reset-TestSandbox
    }

    It 'closes the session default so that Loops cmdlets stop with LoopsNotConnected' {
        $connection = Connect-Loops -ApiKey (New-TestSecureString) -BaseUri $sandbox.LoopsUri -PassThru

        Disconnect-Loops

        $connection.IsOpen | Should -BeFalse
        { Get-LoopsMailingList } | Should -Throw -ErrorId 'LoopsNotConnected*'
        { New-LoopsCampaign -Name 'After disconnect' } | Should -Throw -ErrorId 'LoopsNotConnected*'
    }

    It 'refuses a closed connection passed with -Connection' {
        $connection = Connect-Loops -ApiKey (New-TestSecureString) -BaseUri $sandbox.LoopsUri -PassThru
        Disconnect-Loops

        { Get-LoopsMailingList -Connection $connection } | Should -Throw -ErrorId 'LoopsConnectionClosed*'
    }

    It 'closes a connection given on the pipeline' {
        $connection = Connect-Loops -ApiKey (New-TestSecureString) -BaseUri $sandbox.LoopsUri -PassThru

        $connection | Disconnect-Loops

        $connection.IsOpen | Should -BeFalse
        { Get-LoopsMailingList } | Should -Throw -ErrorId 'LoopsNotConnected*'
    }

    It 'does nothing when there is no connection' {
        { Disconnect-Loops } | Should -Not -Throw
    }
}
