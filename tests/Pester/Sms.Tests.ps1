# Connect-SmsPlatform and the SMS (Tether) cmdlets against the sandbox: New-SmsCampaign gathering
# Import-Csv rows into one campaign (or one per CampaignName), phone numbers and merge fields checked
# before anything is sent, Get-SmsCampaign, Test-SmsCampaignContact, Send-SmsCampaign with failed
# messages as warnings, and Stop-SmsCampaign. Sandbox numbers ending in 0000 fail on send.

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-CampaignPSModule
    $sandbox = Start-TestSandbox
    $token = Get-SandboxKey -Platform 'Sms'
    $apiPath = '/sms/api'
    $campaignType = 'CampaignPS.Engine.Sms.SmsCampaign'

    # The sandbox's seeded contacts: Sam and Alex, and Riley, who is protected (recently messaged).
    $samId = '665f1a0c0e0a4b001a2c9f01'
    $alexId = '665f1a0c0e0a4b001a2c9f02'
    $rileyId = '665f1a0c0e0a4b001a2c9f03'

    $savedToken = $env:SMS_API_TOKEN
    $savedBaseUri = $env:SMS_BASE_URI
    Remove-Item -Path 'Env:SMS_API_TOKEN' -ErrorAction SilentlyContinue
    Remove-Item -Path 'Env:SMS_BASE_URI' -ErrorAction SilentlyContinue

    $workFolder = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('campaignps-sms-tests-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $workFolder -Force

    $null = Connect-TestSms

    function Get-RequestCount {
        param(
            [string] $Method,
            [string] $PathPrefix
        )
        $found = @(Get-SandboxRequests -Method $Method -PathPrefix $PathPrefix)
        return $found.Count
    }

    # The create-campaign requests (POST /sms/api/campaigns exactly), oldest first, their bodies as objects.
    function Get-CreateBody {
        $creates = @(Get-SandboxRequests -Method 'POST' -PathPrefix ($apiPath + '/campaigns') | Where-Object { $_.path -eq ($apiPath + '/campaigns') })
        foreach ($create in $creates) {
            $create.body | ConvertFrom-Json
        }
    }

    # POST /sms/api/campaigns/<id>/send requests so far.
    function Get-SendCount {
        param(
            [Parameter(Mandatory = $true)] [string] $CampaignId
        )
        return Get-RequestCount -Method 'POST' -PathPrefix ($apiPath + '/campaigns/' + $CampaignId + '/send')
    }

    # The sandbox's own view of a campaign (camelCase): status, stats, failedDetails, phoneNumbers, contactIds, ...
    function Get-SmsSandboxCampaign {
        param(
            [Parameter(Mandatory = $true)] [string] $Id
        )
        $answer = Invoke-SandboxControl -Method 'Get' -Route ('sms/campaigns/' + $Id)
        return $answer.campaign
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

    # Three contacts in E.164; the last number ends in 0000, so its message fails on send.
    function New-ContactCsv {
        param(
            [string] $FileName = 'contacts.csv'
        )
        $rows = @(
            [pscustomobject]@{ firstName = 'Jo'; lastName = 'Doe'; phoneNumber = '+14155550133' }
            [pscustomobject]@{ firstName = 'Kim'; lastName = 'Lee'; phoneNumber = '+14155550134' }
            [pscustomobject]@{ firstName = 'Nil'; lastName = 'Zero'; phoneNumber = '+14155550000' }
        )
        return New-TestCsv -FileName $FileName -Row $rows
    }

    # A draft campaign with the three contacts of New-ContactCsv.
    function New-DraftCampaign {
        param(
            [string] $Name = 'Draft campaign'
        )
        Import-Csv -LiteralPath (New-ContactCsv) | New-SmsCampaign -Name $Name -Message 'Hi {{firstName}}'
    }

    # A campaign scheduled for tomorrow with the three contacts of New-ContactCsv.
    function New-ScheduledCampaign {
        Import-Csv -LiteralPath (New-ContactCsv) |
            New-SmsCampaign -Name 'Scheduled campaign' -Message 'Hi {{firstName}}' -ScheduleDate (Get-Date).AddDays(1) -Force
    }
}

AfterAll {
    Disconnect-SmsPlatform -ErrorAction SilentlyContinue
    foreach ($saved in @(@{ Name = 'SMS_API_TOKEN'; Value = $savedToken }, @{ Name = 'SMS_BASE_URI'; Value = $savedBaseUri })) {
        if ($null -ne $saved.Value) {
            Set-Item -Path ('Env:' + $saved.Name) -Value $saved.Value
        }
        else {
            Remove-Item -Path ('Env:' + $saved.Name) -ErrorAction SilentlyContinue
        }
    }
    Stop-TestSandbox -Sandbox $sandbox
    if ($workFolder -and (Test-Path -LiteralPath $workFolder)) {
        Remove-Item -LiteralPath $workFolder -Recurse -Force -ErrorAction SilentlyContinue
    }
}

Describe 'Connect-SmsPlatform' {
    BeforeEach {
        Disconnect-SmsPlatform
        Remove-Item -Path 'Env:SMS_API_TOKEN' -ErrorAction SilentlyContinue
        Remove-Item -Path 'Env:SMS_BASE_URI' -ErrorAction SilentlyContinue
        Reset-TestSandbox
    }

    AfterEach {
        Remove-Item -Path 'Env:SMS_API_TOKEN' -ErrorAction SilentlyContinue
        Remove-Item -Path 'Env:SMS_BASE_URI' -ErrorAction SilentlyContinue
    }

    AfterAll {
        # The other Describe blocks use the session default connection.
        Disconnect-SmsPlatform
        $null = Connect-TestSms
    }

    It 'connects with -Token and -BaseUri and checks the token once with GET /api/campaigns' {
        $connection = Connect-SmsPlatform -Token (New-TestSecureString -Value $token) -BaseUri $sandbox.SmsUri -PassThru

        $connection.GetType().FullName | Should -Be 'CampaignPS.Connections.CampaignConnection'
        $connection.Platform.ToString() | Should -Be 'Sms'
        $connection.KeySource | Should -Be 'ApiKey'
        $connection.IsOpen | Should -BeTrue
        $connection.BaseUri.AbsoluteUri | Should -Be ($sandbox.SmsUri + '/')

        $checks = @(Get-SandboxRequests)
        $checks.Count | Should -Be 1
        $checks[0].method | Should -Be 'GET'
        $checks[0].path | Should -Be ($apiPath + '/campaigns')
        $checks[0].statusCode | Should -Be 200
    }

    It 'stops with SmsInvalidBaseUri, naming -BaseUri and $env:SMS_BASE_URI, when neither is given' {
        $caught = $null
        try {
            Connect-SmsPlatform -Token (New-TestSecureString -Value $token) -ErrorAction Stop
        }
        catch {
            $caught = $_
        }

        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -BeLike 'SmsInvalidBaseUri*'
        $caught.Exception.Message | Should -BeLike '*-BaseUri*'
        $caught.Exception.Message | Should -BeLike '*$env:SMS_BASE_URI*'
        @(Get-SandboxRequests).Count | Should -Be 0
        { Get-SmsCampaign } | Should -Throw -ErrorId 'SmsNotConnected*'
    }

    It 'stops with SmsInvalidBaseUri when $env:SMS_BASE_URI is not an address' {
        $env:SMS_BASE_URI = 'your-instance'

        { Connect-SmsPlatform -Token (New-TestSecureString -Value $token) } | Should -Throw -ErrorId 'SmsInvalidBaseUri*'
    }

    It 'takes the instance from $env:SMS_BASE_URI when -BaseUri is not given' {
        $env:SMS_BASE_URI = $sandbox.SmsUri

        $connection = Connect-SmsPlatform -Token (New-TestSecureString -Value $token) -PassThru

        $connection.BaseUri.AbsoluteUri | Should -Be ($sandbox.SmsUri + '/')
        @(Get-SmsCampaign).Count | Should -Be 0
    }

    It 'prefers -BaseUri over $env:SMS_BASE_URI' {
        $env:SMS_BASE_URI = 'https://not-the-sandbox.example.com'

        $connection = Connect-SmsPlatform -Token (New-TestSecureString -Value $token) -BaseUri $sandbox.SmsUri -PassThru

        $connection.BaseUri.AbsoluteUri | Should -Be ($sandbox.SmsUri + '/')
    }

    It 'falls back to $env:SMS_API_TOKEN when no token is given' {
        $env:SMS_API_TOKEN = $token

        $connection = Connect-SmsPlatform -BaseUri $sandbox.SmsUri -PassThru

        $connection.KeySource | Should -Be '$env:SMS_API_TOKEN'
    }

    It 'stops with SmsApiKeyMissing when there is no token at all' {
        { Connect-SmsPlatform -BaseUri $sandbox.SmsUri } | Should -Throw -ErrorId 'SmsApiKeyMissing*'
        @(Get-SandboxRequests).Count | Should -Be 0
    }

    It 'stops with the terminating SmsUnauthorized for a wrong token, without showing it, and keeps no connection' {
        $wrongToken = 'wrong.jwt.token-0123'
        $caught = $null
        try {
            Connect-SmsPlatform -Token (New-TestSecureString -Value $wrongToken) -BaseUri $sandbox.SmsUri -ErrorAction Stop
        }
        catch {
            $caught = $_
        }

        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -BeLike 'SmsUnauthorized*'
        $caught.CategoryInfo.Category.ToString() | Should -Be 'PermissionDenied'
        ($caught | Get-StreamText) | Should -Not -BeLike "*$wrongToken*"
        { Get-SmsCampaign } | Should -Throw -ErrorId 'SmsNotConnected*'
    }

    It 'sends nothing with -SkipKeyCheck' {
        $connection = Connect-SmsPlatform -Token (New-TestSecureString -Value $token) -BaseUri $sandbox.SmsUri -SkipKeyCheck -PassThru

        $connection.IsOpen | Should -BeTrue
        @(Get-SandboxRequests).Count | Should -Be 0
    }
}

Describe 'New-SmsCampaign' {
    BeforeEach {
        Reset-TestSandbox
    }

    It 'gathers every Import-Csv row into ONE draft campaign' {
        $csv = New-ContactCsv

        $created = @(Import-Csv -LiteralPath $csv | New-SmsCampaign -Name 'Spring promo' -Message 'Hi {{firstName}}, spring sale!')

        $created.Count | Should -Be 1
        $campaign = $created[0]
        $campaign.GetType().FullName | Should -Be $campaignType
        $campaign.Id | Should -Not -BeNullOrEmpty
        $campaign.Name | Should -Be 'Spring promo'
        $campaign.Message | Should -Be 'Hi {{firstName}}, spring sale!'
        $campaign.Status | Should -Be 'draft'
        $campaign.Total | Should -Be 3

        $bodies = @(Get-CreateBody)
        $bodies.Count | Should -Be 1
        $contacts = @($bodies[0].newContacts)
        $contacts.Count | Should -Be 3
        (@($contacts | ForEach-Object { $_.firstName }) -join ',') | Should -Be 'Jo,Kim,Nil'
        (@($contacts | ForEach-Object { $_.phoneNumber }) -join ',') | Should -Be '+14155550133,+14155550134,+14155550000'

        $stored = Get-SmsSandboxCampaign -Id $campaign.Id
        $stored.status | Should -Be 'draft'
        @($stored.phoneNumbers).Count | Should -Be 3
    }

    It 'creates one campaign per CampaignName, in order of first appearance; an empty name falls back to -Name' {
        $csv = New-TestCsv -FileName 'regions.csv' -Row @(
            [pscustomobject]@{ CampaignName = 'East'; firstName = 'Jo'; phoneNumber = '+14155550133' }
            [pscustomobject]@{ CampaignName = 'West'; firstName = 'Kim'; phoneNumber = '+14155550134' }
            [pscustomobject]@{ CampaignName = 'East'; firstName = 'Lee'; phoneNumber = '+14155550135' }
            [pscustomobject]@{ CampaignName = ''; firstName = 'Max'; phoneNumber = '+14155550136' }
        )

        $created = @(Import-Csv -LiteralPath $csv | New-SmsCampaign -Name 'Elsewhere' -Message 'Hi {{firstName}}')

        $created.Count | Should -Be 3
        (@($created | ForEach-Object { $_.Name }) -join ',') | Should -Be 'East,West,Elsewhere'
        (@($created | ForEach-Object { $_.Total }) -join ',') | Should -Be '2,1,1'
        (@((Get-SmsSandboxCampaign -Id $created[0].Id).phoneNumbers) -join ',') | Should -Be '+14155550133,+14155550135'
        $bodies = @(Get-CreateBody)
        $bodies.Count | Should -Be 3
        # The routing column picks the campaign; it is not a contact field, so it never reaches Tether.
        $sent = @($bodies | ForEach-Object { @($_.newContacts) })
        @($sent | Where-Object { $_.PSObject.Properties.Name -contains 'CampaignName' }).Count | Should -Be 0
    }

    It 'sends the contact fields Tether documents (email too, for {{email}}) and no other column' {
        $csv = New-TestCsv -FileName 'extra-columns.csv' -Row @(
            [pscustomobject]@{ firstName = 'Jo'; Email = 'jo@acme.example'; phoneNumber = '+14155550133'; Notes = 'met at the fair'; Owner = 'Kim' }
            [pscustomobject]@{ firstName = 'Lee'; Email = 'lee@acme.example'; phoneNumber = '+14155550135'; Notes = ''; Owner = 'Kim' }
        )

        $campaign = Import-Csv -LiteralPath $csv | New-SmsCampaign -Name 'Fair follow-up' -Message 'Hi {{firstName}}, we wrote to {{email}}'

        $campaign.Total | Should -Be 2
        $contacts = @((Get-CreateBody)[0].newContacts)
        (@($contacts[0].PSObject.Properties.Name) | Sort-Object) -join ',' | Should -Be 'email,firstName,phoneNumber'
        (@($contacts | ForEach-Object { $_.email }) -join ',') | Should -Be 'jo@acme.example,lee@acme.example'
    }

    It 'refuses a merge field that no Tether contact field can fill, before sending' {
        $csv = New-TestCsv -FileName 'promo-column.csv' -Row @(
            [pscustomobject]@{ firstName = 'Jo'; phoneNumber = '+14155550133'; Promo = 'X1' }
        )

        $result = Import-Csv -LiteralPath $csv | New-SmsCampaign -Name 'Promo' -Message 'Hi {{firstName}}, code {{Promo}}' -ErrorAction SilentlyContinue -ErrorVariable failures

        $result | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmsInvalidMessage,*'
        $failures[0].Exception.Message | Should -BeLike '*{{Promo}}*cannot fill*firstName, lastName, phoneNumber, email*'
        @(Get-SandboxRequests -Method 'POST').Count | Should -Be 0
    }

    It 'converts local numbers with -DefaultCountryCode 1 and keeps international ones' {
        $csv = New-TestCsv -FileName 'local.csv' -Row @(
            [pscustomobject]@{ firstName = 'Jo'; phone = '(415) 555-0133' }
            [pscustomobject]@{ firstName = 'Kim'; phone = '1-415-555-0134' }
            [pscustomobject]@{ firstName = 'Ann'; phone = '+44 7911 123456' }
        )

        $campaign = Import-Csv -LiteralPath $csv | New-SmsCampaign -Name 'Local numbers' -Message 'Hi {{firstName}}' -DefaultCountryCode 1

        $campaign.Total | Should -Be 3
        $contacts = @(@(Get-CreateBody)[0].newContacts)
        (@($contacts | ForEach-Object { $_.phoneNumber }) -join ',') | Should -Be '+14155550133,+14155550134,+447911123456'
    }

    It 'reports a bad phone number as one error naming the row, and creates the campaign with the rest' {
        $csv = New-TestCsv -FileName 'badphone.csv' -Row @(
            [pscustomobject]@{ firstName = 'Jo'; phoneNumber = '(415) 555-0133' }
            [pscustomobject]@{ firstName = 'Bad'; phoneNumber = 'call me maybe' }
            [pscustomobject]@{ firstName = 'Kim'; phoneNumber = '+14155550134' }
        )

        $created = @(Import-Csv -LiteralPath $csv | New-SmsCampaign -Name 'Mostly fine' -Message 'Hi {{firstName}}' -DefaultCountryCode 1 -ErrorAction SilentlyContinue -ErrorVariable failures)

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmsInvalidPhoneNumber*'
        $failures[0].CategoryInfo.Category.ToString() | Should -Be 'InvalidArgument'
        $failures[0].Exception.Message | Should -BeLike '*row 2*call me maybe*'
        $failures[0].TargetObject.firstName | Should -Be 'Bad'
        $created.Count | Should -Be 1
        $created[0].Total | Should -Be 2
    }

    It 'names the row and -DefaultCountryCode for a local number given without it' {
        $result = @{ firstName = 'Jo'; phoneNumber = '(415) 555-0133' } |
            New-SmsCampaign -Name 'No code' -Message 'Hi' -ErrorAction SilentlyContinue -ErrorVariable failures

        $result | Should -BeNullOrEmpty
        # The bad row, then the campaign that was left without contacts.
        $failures.Count | Should -Be 2
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmsInvalidPhoneNumber*'
        $failures[0].Exception.Message | Should -BeLike '*row 1*-DefaultCountryCode*'
        $failures[1].FullyQualifiedErrorId | Should -BeLike 'SmsInvalidNewContact*'
        @(Get-SandboxRequests).Count | Should -Be 0
    }

    It 'sends nothing when a contact lacks a merge field of the message, and names that contact' {
        $csv = New-TestCsv -FileName 'nofirstname.csv' -Row @(
            [pscustomobject]@{ firstName = 'Jo'; phoneNumber = '+14155550133' }
            [pscustomobject]@{ firstName = ''; phoneNumber = '+14155550134' }
        )

        $result = Import-Csv -LiteralPath $csv | New-SmsCampaign -Name 'Merge' -Message 'Hi {{firstName}}' -ErrorAction SilentlyContinue -ErrorVariable failures

        $result | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmsInvalidMessage*'
        $failures[0].Exception.Message | Should -BeLike '*{{firstName}}*row 2*+14155550134*'
        @(Get-SandboxRequests).Count | Should -Be 0
    }

    It 'schedules the campaign with -ScheduleDate and -Force, without a prompt' {
        $at = (Get-Date).AddDays(1)

        $campaign = Import-Csv -LiteralPath (New-ContactCsv) | New-SmsCampaign -Name 'Tomorrow' -Message 'Hi {{firstName}}' -ScheduleDate $at -Force

        $campaign.Status | Should -Be 'scheduled'
        $campaign.ScheduleDate | Should -Not -BeNullOrEmpty
        [math]::Abs(($campaign.ScheduleDate.UtcDateTime - $at.ToUniversalTime()).TotalSeconds) | Should -BeLessThan 2
        @(Get-CreateBody)[0].scheduleDate | Should -Not -BeNullOrEmpty
        (Get-SmsSandboxCampaign -Id $campaign.Id).status | Should -Be 'scheduled'
    }

    It 'reports a -ScheduleDate in the past as SmsInvalidScheduleDate without calling the API' {
        $result = Import-Csv -LiteralPath (New-ContactCsv) |
            New-SmsCampaign -Name 'Yesterday' -Message 'Hi' -ScheduleDate (Get-Date).AddDays(-1) -Force -ErrorAction SilentlyContinue -ErrorVariable failures

        $result | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmsInvalidScheduleDate*'
        @(Get-SandboxRequests).Count | Should -Be 0
    }

    It 'sends nothing with -WhatIf, with or without -ScheduleDate -Force' {
        $csv = New-ContactCsv

        $draft = Import-Csv -LiteralPath $csv | New-SmsCampaign -Name 'Rehearsal' -Message 'Hi {{firstName}}' -WhatIf
        $scheduled = Import-Csv -LiteralPath $csv | New-SmsCampaign -Name 'Rehearsal' -Message 'Hi {{firstName}}' -ScheduleDate (Get-Date).AddDays(1) -Force -WhatIf

        $draft | Should -BeNullOrEmpty
        $scheduled | Should -BeNullOrEmpty
        @(Get-SandboxRequests).Count | Should -Be 0
    }

    It 'adds contacts Tether knows by -ExistingContactId' {
        $campaign = New-SmsCampaign -Name 'Known contacts' -Message 'Hi {{firstName}}' -ExistingContactId @($samId, $alexId)

        $campaign.Total | Should -Be 2
        (@((Get-SmsSandboxCampaign -Id $campaign.Id).contactIds) -join ',') | Should -Be ($samId + ',' + $alexId)
        $existing = @(@(Get-CreateBody)[0].selectedExistingContacts)
        (@($existing | ForEach-Object { $_._id }) -join ',') | Should -Be ($samId + ',' + $alexId)
    }

    It 'reports a campaign without contacts as SmsInvalidNewContact' {
        $result = New-SmsCampaign -Name 'Nobody' -Message 'Hi' -ErrorAction SilentlyContinue -ErrorVariable failures

        $result | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmsInvalidNewContact*'
        @(Get-SandboxRequests).Count | Should -Be 0
    }
}

Describe 'Get-SmsCampaign' {
    BeforeEach {
        Reset-TestSandbox
        $made = @(
            New-DraftCampaign -Name 'Q1 promo'
            New-DraftCampaign -Name 'Q1 follow-up'
            New-DraftCampaign -Name 'Q2 promo'
        )
    }

    It 'reads one campaign by id' {
        $campaign = Get-SmsCampaign -CampaignId $made[0].Id

        $campaign.GetType().FullName | Should -Be $campaignType
        $campaign.Id | Should -Be $made[0].Id
        $campaign.Name | Should -Be 'Q1 promo'
        $campaign.Status | Should -Be 'draft'
        $campaign.Total | Should -Be 3
    }

    It 'lists every campaign, newest first, and filters by -Name with wildcards' {
        $all = @(Get-SmsCampaign)
        $q1 = @(Get-SmsCampaign -Name 'q1*')

        $all.Count | Should -Be 3
        $all[0].Name | Should -Be 'Q2 promo'
        $all[2].Name | Should -Be 'Q1 promo'
        $q1.Count | Should -Be 2
        @(Get-SmsCampaign -Name 'Nothing like this*').Count | Should -Be 0
    }

    It 'reads the campaigns piped in (Id binds to -CampaignId)' {
        $again = @($made | Get-SmsCampaign)

        (@($again | ForEach-Object { $_.Name }) -join '|') | Should -Be 'Q1 promo|Q1 follow-up|Q2 promo'
    }

    It 'reports SmsCampaignNotFound for an unknown id and goes on' {
        $found = @(Get-SmsCampaign -CampaignId '000000000000000000000abc' -ErrorAction SilentlyContinue -ErrorVariable failures)

        $found.Count | Should -Be 0
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmsCampaignNotFound*'
        $failures[0].CategoryInfo.Category.ToString() | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be '000000000000000000000abc'
    }
}

Describe 'Test-SmsCampaignContact' {
    BeforeEach {
        Reset-TestSandbox
    }

    It 'sorts Import-Csv rows into new, existing and protected contacts in one request; a bad row is an error' {
        $csv = New-TestCsv -FileName 'check.csv' -Row @(
            [pscustomobject]@{ firstName = 'Sam'; phoneNumber = '(416) 555-0100' }
            [pscustomobject]@{ firstName = 'Riley'; phoneNumber = '+14165550102' }
            [pscustomobject]@{ firstName = 'Bad'; phoneNumber = 'n/a' }
            [pscustomobject]@{ firstName = 'Newcomer'; phoneNumber = '415-555-0177' }
        )

        $result = Import-Csv -LiteralPath $csv | Test-SmsCampaignContact -DefaultCountryCode 1 -ErrorAction SilentlyContinue -ErrorVariable failures

        @($result).Count | Should -Be 1
        $result.GetType().FullName | Should -Be 'CampaignPS.Engine.Sms.SmsContactValidation'
        @($result.ExistingContacts).Count | Should -Be 1
        $result.ExistingContacts[0].Id | Should -Be $samId
        @($result.ProtectedContacts).Count | Should -Be 1
        $result.ProtectedContacts[0].Id | Should -Be $rileyId
        @($result.NewContacts).Count | Should -Be 1
        $result.NewContacts[0].PhoneNumber | Should -Be '+14155550177'
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmsInvalidPhoneNumber*'
        $failures[0].Exception.Message | Should -BeLike '*row 3*'
        Get-RequestCount -Method 'POST' -PathPrefix ($apiPath + '/campaigns/validate-contacts') | Should -Be 1
        # Each classified contact keeps its input row and record.
        $result.ExistingContacts[0].Row | Should -Be 1
        $result.ExistingContacts[0].Source.firstName | Should -Be 'Sam'
        $result.ProtectedContacts[0].Row | Should -Be 2
        $result.NewContacts[0].Row | Should -Be 4
        $result.NewContacts[0].Source.firstName | Should -Be 'Newcomer'
    }

    It 'feeds its new contacts down the pipeline and its existing ones to -ExistingContact of New-SmsCampaign' {
        $csv = New-TestCsv -FileName 'checkfirst.csv' -Row @(
            [pscustomobject]@{ firstName = 'Sam'; phoneNumber = '+14165550100' }
            [pscustomobject]@{ firstName = 'Newcomer'; phoneNumber = '+14155550177' }
        )
        $check = Import-Csv -LiteralPath $csv | Test-SmsCampaignContact

        $campaign = $check.NewContacts | New-SmsCampaign -Name 'Checked first' -Message 'Hi {{firstName}}' -ExistingContact $check.ExistingContacts

        $campaign.Total | Should -Be 2
        $body = @(Get-CreateBody)[0]
        $fresh = @($body.newContacts)
        $fresh.Count | Should -Be 1
        (@($fresh[0].PSObject.Properties | ForEach-Object { $_.Name } | Sort-Object) -join ',') | Should -Be 'firstName,phoneNumber'
        $fresh[0].phoneNumber | Should -Be '+14155550177'
        $known = @($body.selectedExistingContacts)
        $known.Count | Should -Be 1
        $known[0]._id | Should -Be $samId
    }
}

Describe 'Send-SmsCampaign' {
    BeforeEach {
        Reset-TestSandbox
    }

    It 'sends the campaign piped from New-SmsCampaign and writes each failed message as a warning' {
        $records = Import-Csv -LiteralPath (New-ContactCsv) |
            New-SmsCampaign -Name 'Flash sale' -Message 'Hi {{firstName}}, 20% off today' |
            Send-SmsCampaign -Force -PassThru 3>&1

        $warnings = @($records | Where-Object { $_ -is [System.Management.Automation.WarningRecord] })
        $campaigns = @($records | Where-Object { $_ -isnot [System.Management.Automation.WarningRecord] })
        $warnings.Count | Should -Be 1
        $warnings[0].Message | Should -BeLike '*+14155550000*Carrier rejected the message*'
        $campaigns.Count | Should -Be 1
        $campaigns[0].GetType().FullName | Should -Be $campaignType
        $campaigns[0].Status | Should -Be 'completed'
        $campaigns[0].Total | Should -Be 3
        $campaigns[0].Sent | Should -Be 2
        $campaigns[0].Failed | Should -Be 1
        @($campaigns[0].FailedDetails).Count | Should -Be 1
        $campaigns[0].FailedDetails[0].PhoneNumber | Should -Be '+14155550000'
        Get-SendCount -CampaignId $campaigns[0].Id | Should -Be 1
        (Get-SmsSandboxCampaign -Id $campaigns[0].Id).status | Should -Be 'completed'
    }

    It 'writes no warning when every message went out' {
        $campaign = New-SmsCampaign -Name 'All good' -Message 'Hi {{firstName}}' -ExistingContactId @($samId, $alexId)

        $records = $campaign | Send-SmsCampaign -Force -PassThru 3>&1

        @($records | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }).Count | Should -Be 0
        @($records)[0].Sent | Should -Be 2
    }

    It 'writes nothing without -PassThru (failed messages still warn), like every other cmdlet that changes something' {
        $campaign = New-DraftCampaign

        $output = @($campaign | Send-SmsCampaign -Force 3>$null)

        $output.Count | Should -Be 0
        (Get-SmsSandboxCampaign -Id $campaign.Id).status | Should -Be 'completed'
    }

    It 'reports sending a cancelled campaign as SmsCampaignAlreadySent (Tether answers 400, its only documented error)' {
        $campaign = New-DraftCampaign
        Set-SandboxCampaignStatus -Platform 'sms' -CampaignId $campaign.Id -Status 'cancelled'

        $campaign | Send-SmsCampaign -Force -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmsCampaignAlreadySent*'
        $failures[0].Exception.Message | Should -Not -BeLike '*Correct the value*'
        @(Get-SandboxRequests -Method 'POST' -PathPrefix ($apiPath + '/campaigns/' + $campaign.Id + '/send'))[0].statusCode | Should -Be 400
    }

    It 'reports a second send as SmsCampaignAlreadySent' {
        $campaign = New-DraftCampaign
        $null = $campaign | Send-SmsCampaign -Force 3>$null

        $result = $campaign | Send-SmsCampaign -Force -ErrorAction SilentlyContinue -ErrorVariable failures

        $result | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmsCampaignAlreadySent*'
        $failures[0].CategoryInfo.Category.ToString() | Should -Be 'InvalidOperation'
        $failures[0].TargetObject | Should -Be $campaign.Id
        Get-SendCount -CampaignId $campaign.Id | Should -Be 2
    }

    It 'sends nothing with -WhatIf, with or without -Force' {
        $campaign = New-DraftCampaign

        Send-SmsCampaign -CampaignId $campaign.Id -WhatIf
        $campaign | Send-SmsCampaign -Force -WhatIf

        Get-SendCount -CampaignId $campaign.Id | Should -Be 0
        (Get-SmsSandboxCampaign -Id $campaign.Id).status | Should -Be 'draft'
    }

    It 'does not send again when the answer is lost, and reports SmsOutcomeUnknown' {
        $campaign = New-DraftCampaign
        $null = Add-SandboxFault -PathPrefix ($apiPath + '/campaigns/' + $campaign.Id + '/send') -Method 'POST' -StatusCode 503 -When 'AfterHandler' -Times -1

        $result = $campaign | Send-SmsCampaign -Force -ErrorAction SilentlyContinue -ErrorVariable failures

        $result | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmsOutcomeUnknown*'
        Get-SendCount -CampaignId $campaign.Id | Should -Be 1
        # The sandbox did send: exactly why the client must not try again.
        (Get-SmsSandboxCampaign -Id $campaign.Id).status | Should -Be 'completed'
    }

    It 'never writes the token to the verbose stream' {
        $campaign = New-DraftCampaign

        $records = $campaign | Send-SmsCampaign -Force -PassThru -Verbose 4>&1 3>&1

        @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 0
        ($records | Get-StreamText) | Should -Not -BeLike "*$token*"
    }
}

Describe 'Stop-SmsCampaign' {
    BeforeEach {
        Reset-TestSandbox
    }

    It 'cancels a scheduled campaign' {
        $campaign = New-ScheduledCampaign
        $campaign.Status | Should -Be 'scheduled'

        $stopped = $campaign | Stop-SmsCampaign -Force -PassThru

        $stopped.Id | Should -Be $campaign.Id
        $stopped.Status | Should -Be 'cancelled'
        (Get-SmsSandboxCampaign -Id $campaign.Id).status | Should -Be 'cancelled'
    }

    It 'reports a draft as SmsCampaignNotScheduled, with the API''s message in either error shape' -TestCases @(
        @{ Shape = 'Nested' }
        @{ Shape = 'TopLevel' }
    ) {
        Set-SandboxResponseShape -Route 'sms/error-shape' -Shape $Shape
        $campaign = New-DraftCampaign

        $result = $campaign | Stop-SmsCampaign -Force -ErrorAction SilentlyContinue -ErrorVariable failures

        $result | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmsCampaignNotScheduled*'
        $failures[0].CategoryInfo.Category.ToString() | Should -Be 'InvalidOperation'
        $failures[0].ErrorDetails.Message | Should -BeLike '*Only scheduled campaigns can be cancelled*'
        (Get-SmsSandboxCampaign -Id $campaign.Id).status | Should -Be 'draft'
    }

    It 'sends nothing with -WhatIf, with or without -Force' {
        $campaign = New-ScheduledCampaign

        Stop-SmsCampaign -CampaignId $campaign.Id -WhatIf
        $campaign | Stop-SmsCampaign -Force -WhatIf

        Get-RequestCount -Method 'POST' -PathPrefix ($apiPath + '/campaigns/' + $campaign.Id + '/cancel') | Should -Be 0
        (Get-SmsSandboxCampaign -Id $campaign.Id).status | Should -Be 'scheduled'
    }
}
