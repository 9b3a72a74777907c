# Connect-Outbox and the Outbox cmdlets against the sandbox: New-OutboxCampaign (sending windows,
# -Status Active, input checks that fail before anything is sent), New-OutboxSender, and
# Import-Csv | Add-OutboxContact with a bad row and the contacts page's Authorization form.

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-CampaignPSModule
    $sandbox = Start-TestSandbox
    $key = Get-SandboxKey -Platform 'Outbox'
    $apiPath = '/outbox'
    $seedCompany = 'c0ffee00-0000-4000-8000-000000000001'
    $seedSender = '5e4de400-0000-4000-8000-000000000001'
    $campaignType = 'CampaignPS.Engine.Outbox.OutboxCampaign'

    $savedEnvironmentKey = $env:OUTBOX_API_KEY
    Remove-Item -Path 'Env:OUTBOX_API_KEY' -ErrorAction SilentlyContinue

    $workFolder = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('campaignps-outbox-tests-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $workFolder -Force

    $null = Connect-TestOutbox

    function Get-RequestCount {
        param(
            [string] $Method,
            [string] $PathPrefix
        )
        $found = @(Get-SandboxRequests -Method $Method -PathPrefix $PathPrefix)
        return $found.Count
    }

    # The create-campaign request bodies the sandbox received, oldest first, as objects.
    function Get-CampaignBody {
        $creates = @(Get-SandboxRequests -Method 'POST' -PathPrefix ($apiPath + '/email/campaigns/'))
        foreach ($create in $creates) {
            $create.body | ConvertFrom-Json
        }
    }

    # The sandbox's stored contacts (camelCase: fullName, email, phoneNumber, tags, leadSource, customFields, ...).
    function Get-StoredContact {
        $answer = Invoke-SandboxControl -Method 'Get' -Route 'outbox/contacts'
        return @($answer.contacts)
    }

    # The Authorization form of every Outbox request, oldest first: method, path, form (Bearer, Raw, None), accepted.
    function Get-AuthForm {
        $answer = Invoke-SandboxControl -Method 'Get' -Route 'outbox/auth-forms'
        return @($answer.authForms)
    }

    # Which Authorization forms the sandbox's contacts route accepts: Either (default), RawOnly or BearerOnly.
    function Set-ContactsAuth {
        param(
            [Parameter(Mandatory = $true)]
            [string] $Mode
        )
        $null = Invoke-SandboxControl -Method 'Put' -Route 'outbox/contacts-auth' -Body @{ mode = $Mode }
    }

    # Writes the rows (objects with the same properties) to a CSV file in the work folder; returns its path.
    function New-TestCsv {
        param(
            [Parameter(Mandatory = $true)] [string] $FileName,
            [Parameter(Mandatory = $true)] [object[]] $Row
        )
        $path = Join-Path -Path $workFolder -ChildPath $FileName
        $Row | Export-Csv -LiteralPath $path -NoTypeInformation -Encoding utf8
        return $path
    }

    # Four contacts; row 2 has a lead source Outbox does not document.
    function New-ContactCsv {
        $rows = @(
            [pscustomobject]@{ full_name = 'ada lovelace'; email = 'ada@acme.example'; phone_number = ''; lead_source = 'import'; tags = 'vip;math'; plan = 'pro' }
            [pscustomobject]@{ full_name = 'Bad Source'; email = 'bad@acme.example'; phone_number = ''; lead_source = 'cold-call'; tags = ''; plan = '' }
            [pscustomobject]@{ full_name = 'Phone Only'; email = ''; phone_number = '+14155550133'; lead_source = ''; tags = ''; plan = 'basic' }
            [pscustomobject]@{ full_name = 'Cy Young'; email = 'cy@acme.example'; phone_number = ''; lead_source = 'api'; tags = 'math'; plan = '' }
        )
        return New-TestCsv -FileName 'contacts.csv' -Row $rows
    }
}

AfterAll {
    Disconnect-Outbox -ErrorAction SilentlyContinue
    if ($null -ne $savedEnvironmentKey) {
        $env:OUTBOX_API_KEY = $savedEnvironmentKey
    }
    else {
        Remove-Item -Path 'Env:OUTBOX_API_KEY' -ErrorAction SilentlyContinue
    }
    Stop-TestSandbox -Sandbox $sandbox
    if ($workFolder -and (Test-Path -LiteralPath $workFolder)) {
        Remove-Item -LiteralPath $workFolder -Recurse -Force -ErrorAction SilentlyContinue
    }
}

Describe 'Connect-Outbox' {
    BeforeEach {
        Disconnect-Outbox
        Remove-Item -Path 'Env:OUTBOX_API_KEY' -ErrorAction SilentlyContinue
        Reset-TestSandbox
    }

    AfterEach {
        Remove-Item -Path 'Env:OUTBOX_API_KEY' -ErrorAction SilentlyContinue
    }

    AfterAll {
        # The other Describe blocks use the session default connection.
        Disconnect-Outbox
        $null = Connect-TestOutbox
    }

    It 'connects with -ApiKey and -Company without sending anything (Outbox has no key check)' {
        $connection = Connect-Outbox -ApiKey (New-TestSecureString -Value $key) -BaseUri $sandbox.OutboxUri -Company $seedCompany -PassThru

        $connection.GetType().FullName | Should -Be 'CampaignPS.Connections.CampaignConnection'
        $connection.Platform.ToString() | Should -Be 'Outbox'
        $connection.KeySource | Should -Be 'ApiKey'
        $connection.IsOpen | Should -BeTrue
        $connection.BaseUri.AbsoluteUri | Should -Be ($sandbox.OutboxUri + '/')
        @(Get-SandboxRequests).Count | Should -Be 0
    }

    It 'uses -Company as the default company of New-OutboxCampaign' {
        $null = Connect-Outbox -ApiKey (New-TestSecureString -Value $key) -BaseUri $sandbox.OutboxUri -Company $seedCompany

        $campaign = New-OutboxCampaign -Name 'Default company'

        $campaign.Company.ToString() | Should -Be $seedCompany
        @(Get-CampaignBody)[0].company | Should -Be $seedCompany
    }

    It 'falls back to $env:OUTBOX_API_KEY when no key is given' {
        $env:OUTBOX_API_KEY = $key

        $connection = Connect-Outbox -BaseUri $sandbox.OutboxUri -Company $seedCompany -PassThru

        $connection.KeySource | Should -Be '$env:OUTBOX_API_KEY'
        (New-OutboxCampaign -Name 'Key from the environment').Name | Should -Be 'Key from the environment'
    }

    It 'stops with OutboxApiKeyMissing when there is no -ApiKey, -Credential or $env:OUTBOX_API_KEY' {
        { Connect-Outbox -BaseUri $sandbox.OutboxUri } | Should -Throw -ErrorId 'OutboxApiKeyMissing*'
    }

    It 'refuses a plain http address that is not loopback' {
        { Connect-Outbox -ApiKey (New-TestSecureString -Value $key) -BaseUri 'http://outbox.example.com' } |
            Should -Throw -ErrorId 'OutboxInvalidBaseUri*'
    }

    It 'reports a wrong key at the first call as the terminating OutboxUnauthorized, without showing the key' {
        $wrongKey = 'wrong-outbox-key-0123'
        $null = Connect-Outbox -ApiKey (New-TestSecureString -Value $wrongKey) -BaseUri $sandbox.OutboxUri -Company $seedCompany

        $caught = $null
        try {
            $null = New-OutboxCampaign -Name 'Rejected' -ErrorAction Stop
        }
        catch {
            $caught = $_
        }

        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -BeLike 'OutboxUnauthorized*'
        $caught.CategoryInfo.Category.ToString() | Should -Be 'PermissionDenied'
        ($caught | Get-StreamText) | Should -Not -BeLike "*$wrongKey*"
        Get-RequestCount -Method 'POST' -PathPrefix ($apiPath + '/email/campaigns/') | Should -Be 1
    }

    It 'stops the Outbox cmdlets with OutboxNotConnected after Disconnect-Outbox' {
        $null = Connect-TestOutbox

        Disconnect-Outbox

        { New-OutboxCampaign -Name 'After disconnect' } | Should -Throw -ErrorId 'OutboxNotConnected*'
        @(Get-SandboxRequests).Count | Should -Be 0
    }
}

Describe 'New-OutboxCampaign' {
    BeforeEach {
        Reset-TestSandbox
    }

    It 'creates a draft and sends -AllowedWindow ''Mon-Fri 09:00-17:00'' as one entry per day' {
        $campaign = New-OutboxCampaign -Name 'Q1 founders' -SenderIdentityId $seedSender -TimeZone 'America/New_York' -AllowedWindow 'Mon-Fri 09:00-17:00' -StopOnReply

        $campaign.GetType().FullName | Should -Be $campaignType
        $campaign.Id | Should -Not -Be ([guid]::Empty)
        $campaign.Name | Should -Be 'Q1 founders'
        $campaign.Status | Should -Be 'draft'
        $campaign.Company.ToString() | Should -Be $seedCompany
        $campaign.TimeZone | Should -Be 'America/New_York'
        $campaign.StopOnReply | Should -BeTrue
        (@($campaign.SenderIdentityIds) | ForEach-Object { $_.ToString() }) -join ',' | Should -Be $seedSender
        $campaign.SentCount | Should -Be 0
        $campaign.Replies | Should -Be 0
        @($campaign.AllowedWindows).Count | Should -Be 5

        $bodies = @(Get-CampaignBody)
        $bodies.Count | Should -Be 1
        $windows = @($bodies[0].allowed_windows)
        $windows.Count | Should -Be 5
        (@($windows | ForEach-Object { $_.day }) -join ',') | Should -Be 'monday,tuesday,wednesday,thursday,friday'
        @($windows | Where-Object { $_.start -ne '09:00' -or $_.end -ne '17:00' }).Count | Should -Be 0
        $bodies[0].status | Should -Be 'draft'
        $bodies[0].timezone | Should -Be 'America/New_York'
        $bodies[0].stop_on_reply | Should -BeTrue
    }

    It 'takes several windows, including one that wraps over the weekend' {
        $null = New-OutboxCampaign -Name 'Windows' -AllowedWindow 'Mon-Wed 09:00-12:00', 'Fri-Sun 10:00-11:30'

        $windows = @(@(Get-CampaignBody)[0].allowed_windows)
        (@($windows | ForEach-Object { $_.day + ' ' + $_.start + '-' + $_.end }) -join ',') |
            Should -Be 'monday 09:00-12:00,tuesday 09:00-12:00,wednesday 09:00-12:00,sunday 10:00-11:30,friday 10:00-11:30,saturday 10:00-11:30'
    }

    It 'refuses the window <Window> before sending anything' -TestCases @(
        @{ Window = 'Funday 9:00-10:00'; Phrase = '*is not a day of the week*' }
        @{ Window = 'Mon-Fri 17:00-09:00'; Phrase = '*before it starts*' }
        @{ Window = 'weekdays'; Phrase = '*Mon-Fri 09:00-17:00*' }
    ) {
        $caught = $null
        try {
            $null = New-OutboxCampaign -Name 'Bad window' -AllowedWindow $Window -ErrorAction Stop
        }
        catch {
            $caught = $_
        }

        $caught | Should -Not -BeNullOrEmpty
        $caught.Exception.ToString() | Should -BeLike $Phrase
        @(Get-SandboxRequests).Count | Should -Be 0
    }

    It 'creates an active campaign with -Status Active -Force, without a prompt' {
        $campaign = New-OutboxCampaign -Name 'Live now' -Status Active -Force

        $campaign.Status | Should -Be 'active'
        @(Get-CampaignBody)[0].status | Should -Be 'active'
    }

    It 'sends nothing with -WhatIf, with or without -Status Active -Force' {
        $first = New-OutboxCampaign -Name 'Only a rehearsal' -WhatIf
        $second = New-OutboxCampaign -Name 'Only a rehearsal' -Status Active -Force -WhatIf

        $first | Should -BeNullOrEmpty
        $second | Should -BeNullOrEmpty
        @(Get-SandboxRequests).Count | Should -Be 0
    }

    It 'reports <Case> as <ErrorId> without calling the API' -TestCases @(
        @{ Case = 'an empty name'; CampaignName = '   '; TimeZone = $null; ErrorId = 'OutboxInvalidName'; Phrase = '*Name is empty*' }
        @{ Case = 'a name of 256 characters'; CampaignName = ('n' * 256); TimeZone = $null; ErrorId = 'OutboxInvalidName'; Phrase = '*limit is 255*' }
        @{ Case = 'a Windows time zone name'; CampaignName = 'Zone'; TimeZone = 'Eastern Standard Time'; ErrorId = 'OutboxInvalidTimeZone'; Phrase = '*not an IANA time zone*' }
    ) {
        $parameters = @{ Name = $CampaignName }
        if ($TimeZone) {
            $parameters['TimeZone'] = $TimeZone
        }

        $result = New-OutboxCampaign @parameters -ErrorAction SilentlyContinue -ErrorVariable failures

        $result | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike ($ErrorId + '*')
        $failures[0].CategoryInfo.Category.ToString() | Should -Be 'InvalidArgument'
        $failures[0].Exception.Message | Should -BeLike $Phrase
        @(Get-SandboxRequests).Count | Should -Be 0
    }

    It 'needs a company when the connection has no default, and takes -Company' {
        $noCompany = Connect-Outbox -ApiKey (New-TestSecureString -Value $key) -BaseUri $sandbox.OutboxUri -PassThru
        try {
            $result = New-OutboxCampaign -Name 'Nowhere' -Connection $noCompany -ErrorAction SilentlyContinue -ErrorVariable failures
            $explicit = New-OutboxCampaign -Name 'Somewhere' -Company $seedCompany -Connection $noCompany
        }
        finally {
            $null = Connect-TestOutbox
        }

        $result | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'OutboxInvalidCompany*'
        $failures[0].Exception.Message | Should -BeLike '*Connect-Outbox -Company*'
        $explicit.Company.ToString() | Should -Be $seedCompany
        Get-RequestCount -Method 'POST' -PathPrefix ($apiPath + '/email/campaigns/') | Should -Be 1
    }

    It 'reports the API''s field error for an unknown sender identity and goes on' {
        $result = New-OutboxCampaign -Name 'Unknown sender' -SenderIdentityId ([guid]::NewGuid()) -ErrorAction SilentlyContinue -ErrorVariable failures

        $result | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'OutboxInvalidRequest*'
        $failures[0].CategoryInfo.Category.ToString() | Should -Be 'InvalidData'
        $failures[0].ErrorDetails.Message | Should -BeLike '*sender_identity_ids*'
    }

    It 'creates one campaign per Import-Csv row' {
        $csv = New-TestCsv -FileName 'campaigns.csv' -Row @(
            [pscustomobject]@{ Name = 'Bulk one'; Description = 'First'; TimeZone = 'Europe/Berlin' }
            [pscustomobject]@{ Name = 'Bulk two'; Description = 'Second'; TimeZone = '' }
        )

        $created = @(Import-Csv -LiteralPath $csv | New-OutboxCampaign)

        $created.Count | Should -Be 2
        ($created | ForEach-Object { $_.Name }) -join ',' | Should -Be 'Bulk one,Bulk two'
        $created[0].TimeZone | Should -Be 'Europe/Berlin'
        $created[1].TimeZone | Should -BeNullOrEmpty
        $created[1].Description | Should -Be 'Second'
    }

    It 'never writes the key to the verbose stream' {
        $records = New-OutboxCampaign -Name 'Verbose check' -Verbose 4>&1

        @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 0
        ($records | Get-StreamText) | Should -Not -BeLike "*$key*"
    }
}

Describe 'New-OutboxSender' {
    BeforeEach {
        Reset-TestSandbox
    }

    It 'creates an unverified sender in the default company' {
        $sender = New-OutboxSender -FromEmail 'sales@acme.example' -FromName 'Acme Sales' -ReplyToEmail 'replies@acme.example' -IsDefault

        $sender.GetType().FullName | Should -Be 'CampaignPS.Engine.Outbox.OutboxSender'
        $sender.Id | Should -Not -Be ([guid]::Empty)
        $sender.FromEmail | Should -Be 'sales@acme.example'
        $sender.FromName | Should -Be 'Acme Sales'
        $sender.ReplyToEmail | Should -Be 'replies@acme.example'
        $sender.Company.ToString() | Should -Be $seedCompany
        $sender.IsDefault | Should -BeTrue
        $sender.VerifiedAt | Should -BeNullOrEmpty

        $stored = @((Invoke-SandboxControl -Method 'Get' -Route 'outbox/senders').senders)
        $stored.Count | Should -Be 2
        @($stored | Where-Object { $_.fromEmail -eq 'sales@acme.example' }).Count | Should -Be 1
    }

    It 'feeds its id to New-OutboxCampaign -SenderIdentityId' {
        $sender = New-OutboxSender -FromEmail 'team@acme.example'

        $campaign = New-OutboxCampaign -Name 'With a new sender' -SenderIdentityId $sender.Id

        (@($campaign.SenderIdentityIds) | ForEach-Object { $_.ToString() }) -join ',' | Should -Be $sender.Id.ToString()
        $campaign.SenderIdentities | Should -Be 'team@acme.example'
    }

    It 'reports a second sender with the same address as OutboxSenderExists' {
        $null = New-OutboxSender -FromEmail 'dup@acme.example'

        $result = New-OutboxSender -FromEmail 'dup@acme.example' -ErrorAction SilentlyContinue -ErrorVariable failures

        $result | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'OutboxSenderExists*'
        $failures[0].CategoryInfo.Category.ToString() | Should -Be 'ResourceExists'
    }

    It 'reports an invalid address as OutboxInvalidFromEmail without calling the API' {
        $result = New-OutboxSender -FromEmail 'not-an-address' -ErrorAction SilentlyContinue -ErrorVariable failures

        $result | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'OutboxInvalidFromEmail*'
        @(Get-SandboxRequests).Count | Should -Be 0
    }

    It 'sends nothing with -WhatIf' {
        New-OutboxSender -FromEmail 'rehearsal@acme.example' -WhatIf | Should -BeNullOrEmpty
        @(Get-SandboxRequests).Count | Should -Be 0
    }
}

Describe 'Add-OutboxContact' {
    BeforeEach {
        Reset-TestSandbox
        # A fresh client: the Authorization form the contacts route settled on is kept per connection.
        $null = Connect-TestOutbox
    }

    It 'upserts every Import-Csv row but the bad one, which is one error naming its row' {
        $csv = New-ContactCsv

        $output = Import-Csv -LiteralPath $csv | Add-OutboxContact -ErrorAction SilentlyContinue -ErrorVariable failures

        $output | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'OutboxInvalidLeadSource*'
        $failures[0].CategoryInfo.Category.ToString() | Should -Be 'InvalidArgument'
        $failures[0].Exception.Message | Should -BeLike '*row 2*cold-call*'
        $failures[0].TargetObject.email | Should -Be 'bad@acme.example'

        Get-RequestCount -Method 'POST' -PathPrefix ($apiPath + '/contacts/') | Should -Be 3
        $stored = @(Get-StoredContact)
        $stored.Count | Should -Be 3
        @($stored | Where-Object { $_.email -eq 'bad@acme.example' }).Count | Should -Be 0

        $ada = @($stored | Where-Object { $_.email -eq 'ada@acme.example' })[0]
        $ada.fullName | Should -Be 'Ada Lovelace'
        (@($ada.tags) -join ',') | Should -Be 'vip,math'
        $ada.leadSource | Should -Be 'import'
        $ada.customFields.plan | Should -Be 'pro'

        $phoneOnly = @($stored | Where-Object { $_.phoneNumber -eq '+14155550133' })[0]
        $phoneOnly.email | Should -BeNullOrEmpty
        $phoneOnly.fullName | Should -Be 'Phone Only'
    }

    It 'sends the contacts page''s bare Authorization: KEY form' {
        $csv = New-ContactCsv

        Import-Csv -LiteralPath $csv | Add-OutboxContact -ErrorAction SilentlyContinue

        $forms = @(Get-AuthForm)
        $forms.Count | Should -Be 3
        @($forms | Where-Object { $_.form -ne 'Raw' -or -not $_.accepted }).Count | Should -Be 0
    }

    It 'falls back to Bearer once when the contacts route refuses the bare key, and keeps Bearer' {
        Set-ContactsAuth -Mode 'BearerOnly'
        $csv = New-ContactCsv

        Import-Csv -LiteralPath $csv | Add-OutboxContact -ErrorAction SilentlyContinue

        Get-RequestCount -Method 'POST' -PathPrefix ($apiPath + '/contacts/') | Should -Be 4
        $forms = @(Get-AuthForm)
        (@($forms | ForEach-Object { $_.form }) -join ',') | Should -Be 'Raw,Bearer,Bearer,Bearer'
        (@($forms | ForEach-Object { [string]$_.accepted }) -join ',') | Should -Be 'False,True,True,True'
        @(Get-StoredContact).Count | Should -Be 3
    }

    It 'reports a row with neither email nor phone with its row number' {
        $contacts = @(
            @{ email = 'ok@acme.example' }
            @{ full_name = 'Nobody'; notes = 'no way to reach' }
        )

        $contacts | Add-OutboxContact -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'OutboxInvalidEmail*'
        $failures[0].Exception.Message | Should -BeLike '*row 2*neither email nor phone_number*'
        @(Get-StoredContact).Count | Should -Be 1
    }

    It 'adds -Tag and -LeadSource to every contact and writes them with -PassThru' {
        $contacts = @(
            [pscustomobject]@{ Email = 'one@acme.example'; FirstName = 'One'; LastName = 'Person' }
            [pscustomobject]@{ Email = 'two@acme.example'; FirstName = 'Two'; LastName = 'Person' }
        )

        $written = @($contacts | Add-OutboxContact -Tag 'csv', 'q1' -LeadSource Webhook -PassThru)

        $written.Count | Should -Be 2
        $written[0].GetType().FullName | Should -Be 'CampaignPS.Engine.Outbox.OutboxContact'
        $written[0].FullName | Should -Be 'One Person'
        $stored = @(Get-StoredContact)
        $stored.Count | Should -Be 2
        foreach ($contact in $stored) {
            (@($contact.tags) -join ',') | Should -Be 'csv,q1'
            $contact.leadSource | Should -Be 'webhook'
        }
    }

    It 'sends nothing with -WhatIf' {
        $csv = New-ContactCsv

        Import-Csv -LiteralPath $csv | Add-OutboxContact -WhatIf -ErrorAction SilentlyContinue

        @(Get-SandboxRequests).Count | Should -Be 0
    }

    It 'never writes the key to the verbose stream, although the contacts route gets it without Bearer' {
        $records = @{ email = 'verbose@acme.example' } | Add-OutboxContact -Verbose 4>&1

        @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 0
        ($records | Get-StreamText) | Should -Not -BeLike "*$key*"
    }
}
