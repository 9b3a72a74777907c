# Readiness checks against the sandbox: Test-SmartleadCampaign, Test-SmsCampaign and Test-LoopsCampaign (a ready
# campaign, each kind of not-ready campaign, -Quiet, pipeline binding, a campaign that cannot be read), and the launch
# cmdlets that run the check first: Start-SmartleadCampaign, Send-SmsCampaign, Set-SmsCampaign -ScheduleDate and
# Set-LoopsCampaign -SendNow/-ScheduleAt
# refuse without -Force (nothing reaches the status, send or schedule endpoint, asserted with the sandbox's request
# log) and skip the check with it.

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-CampaignPSModule
    $sandbox = Start-TestSandbox
    $smartleadPath = '/smartlead/api/v1'
    $smsPath = '/sms/api'
    $loopsPath = '/loops/api/v1'
    $findingType = 'CampaignPS.Engine.Readiness.CampaignReadinessFinding'

    # The sandbox's seeded SMS contacts (both have a first and last name, no email).
    $samId = '665f1a0c0e0a4b001a2c9f01'
    $alexId = '665f1a0c0e0a4b001a2c9f02'

    $savedSmartleadKey = $env:SMARTLEAD_API_KEY
    $savedSmsToken = $env:SMS_API_TOKEN
    $savedLoopsKey = $env:LOOPS_API_KEY
    Remove-Item -Path 'Env:SMARTLEAD_API_KEY' -ErrorAction SilentlyContinue
    Remove-Item -Path 'Env:SMS_API_TOKEN' -ErrorAction SilentlyContinue
    Remove-Item -Path 'Env:LOOPS_API_KEY' -ErrorAction SilentlyContinue
    $null = Connect-TestSmartlead
    $null = Connect-TestSms
    $null = Connect-TestLoops

    # A Loops campaign with everything the check asks for: an audience, and an email message with a subject, a sender
    # and content Guardian finds nothing in. -Lmx gives other content.
    function New-ReadyLoopsCampaign {
        param(
            [string] $Name = 'Ready',
            [string] $Lmx = '<Paragraph>Hi there</Paragraph>',
            [string] $MailingListId = 'list_main'
        )
        $arguments = @{ Name = $Name }
        if ($MailingListId) { $arguments['MailingListId'] = $MailingListId }
        $campaign = New-LoopsCampaign @arguments
        $null = $campaign | Set-LoopsEmailMessage -Subject 'Spring is here' -FromName 'Acme' -FromEmail 'news' -Lmx $Lmx
        return Get-LoopsCampaign -CampaignId $campaign.Id
    }

    function Get-LoopsSchedulePostCount {
        param([Parameter(Mandatory = $true)] [string] $CampaignId)
        return @(Get-SandboxRequests -Method 'POST' -PathPrefix ('{0}/campaigns/{1}' -f $loopsPath, $CampaignId) | Where-Object { $_.body -like '*scheduling*' }).Count
    }

    # A Smartlead campaign with everything the check asks for: a step, mailbox 456 (warm and connected), a lead,
    # a schedule and settings. -EmailAccountId adds other mailboxes.
    function New-ReadySmartleadCampaign {
        param(
            [string] $Name = 'Ready',
            [long[]] $EmailAccountId = @(456)
        )
        $lead = @{ email = ('ready-' + [guid]::NewGuid().ToString('N') + '@acme.example'); first_name = 'Ready' }
        New-SmartleadCampaign -Name $Name |
            Set-SmartleadSequence -Step @(@{ Subject = 'Hello'; Body = 'Hi {{first_name}}'; DelayDays = 0 }) -PassThru |
            Add-SmartleadEmailAccount -EmailAccountId $EmailAccountId -PassThru |
            Add-SmartleadLead -Lead @($lead) -PassThru |
            Set-SmartleadSchedule -TimeZone 'Europe/Berlin' -Day 'Monday', 'Tuesday' -StartHour 9 -EndHour 17 -PassThru |
            Set-SmartleadSetting -StopLeadOn Reply -PassThru
    }

    function Get-StatusPostCount {
        param([Parameter(Mandatory = $true)] [long] $CampaignId)
        return @(Get-SandboxRequests -Method 'POST' -PathPrefix ('{0}/campaigns/{1}/status' -f $smartleadPath, $CampaignId)).Count
    }

    function Get-SendPostCount {
        param([Parameter(Mandatory = $true)] [string] $CampaignId)
        return @(Get-SandboxRequests -Method 'POST' -PathPrefix ('{0}/campaigns/{1}/send' -f $smsPath, $CampaignId)).Count
    }

    function Get-SmartleadStatus {
        param([Parameter(Mandatory = $true)] [long] $CampaignId)
        return (Invoke-SandboxControl -Method 'Get' -Route ('smartlead/campaigns/' + $CampaignId)).campaign.status
    }

    function Get-SmsStatus {
        param([Parameter(Mandatory = $true)] [string] $CampaignId)
        return (Invoke-SandboxControl -Method 'Get' -Route ('sms/campaigns/' + $CampaignId)).campaign.status
    }
}

AfterAll {
    Disconnect-Smartlead -ErrorAction SilentlyContinue
    Disconnect-SmsPlatform -ErrorAction SilentlyContinue
    Disconnect-Loops -ErrorAction SilentlyContinue
    if ($null -ne $savedLoopsKey) { $env:LOOPS_API_KEY = $savedLoopsKey }
    if ($null -ne $savedSmartleadKey) { $env:SMARTLEAD_API_KEY = $savedSmartleadKey }
    if ($null -ne $savedSmsToken) { $env:SMS_API_TOKEN = $savedSmsToken }
    Stop-TestSandbox -Sandbox $sandbox
}

Describe 'Test-SmartleadCampaign' {
    BeforeEach {
        Reset-TestSandbox
    }

    It 'writes nothing for a ready campaign, and $true with -Quiet' {
        $campaign = New-ReadySmartleadCampaign

        @($campaign | Test-SmartleadCampaign).Count | Should -Be 0
        $campaign | Test-SmartleadCampaign -Quiet | Should -BeExactly $true
    }

    It 'lists what a new campaign still needs, each with the cmdlet that fixes it' {
        $campaign = New-SmartleadCampaign -Name 'Empty'

        $findings = @($campaign | Test-SmartleadCampaign)

        $findings | ForEach-Object { $_.GetType().FullName | Should -Be $findingType }
        @($findings.Check) | Should -Be @('SequenceMissing', 'MailboxMissing', 'LeadsMissing', 'ScheduleMissing', 'SettingsMissing')
        @($findings.Severity | ForEach-Object { $_.ToString() }) | Should -Be @('Error', 'Error', 'Error', 'Warning', 'Warning')
        $findings | ForEach-Object { $_.CampaignId | Should -Be ([string]$campaign.Id) }
        $findings | ForEach-Object { $_.Platform.ToString() | Should -Be 'Smartlead' }
        $findings[0].Fix | Should -BeLike 'Set-SmartleadSequence -CampaignId*'
        $findings[1].Fix | Should -BeLike 'Add-SmartleadEmailAccount -CampaignId*'
        $findings[2].Fix | Should -BeLike 'Add-SmartleadLead -CampaignId*'
        $findings[3].Fix | Should -BeLike 'Set-SmartleadSchedule -CampaignId*'
        $findings[4].Fix | Should -BeLike 'Set-SmartleadSetting -CampaignId*'
        $campaign | Test-SmartleadCampaign -Quiet | Should -BeExactly $false
    }

    It 'reports a sequence Smartlead holds that is not valid (saved elsewhere without a first subject) as SequenceInvalid' {
        $campaign = New-ReadySmartleadCampaign
        $body = @{ sequences = @(@{ seq_number = 1; subject = ''; email_body = 'Hi'; seq_delay_details = @{ delay_in_days = 0 } }) }
        $null = Invoke-SmartleadRequest -Path ('campaigns/{0}/sequences' -f $campaign.Id) -Method 'POST' -Body $body

        $findings = @($campaign | Test-SmartleadCampaign)

        $findings.Count | Should -Be 1
        $findings[0].Check | Should -Be 'SequenceInvalid'
        $findings[0].Severity.ToString() | Should -Be 'Error'
    }

    It 'reports a disconnected mailbox as an Error when it is the only one, and as a Warning beside a working one' {
        $alone = New-ReadySmartleadCampaign -Name 'Only 458' -EmailAccountId 458
        $beside = New-ReadySmartleadCampaign -Name '456 and 458' -EmailAccountId 456, 458

        $aloneFindings = @($alone | Test-SmartleadCampaign)
        $besideFindings = @($beside | Test-SmartleadCampaign)

        # 458 is seeded disconnected (SMTP login fails) with warmup off.
        @($aloneFindings.Check) | Should -Be @('MailboxDisconnected', 'MailboxWarmupOff')
        @($aloneFindings.Severity | ForEach-Object { $_.ToString() }) | Should -Be @('Error', 'Warning')
        $aloneFindings[0].Message | Should -BeLike '*(458) is DISCONNECTED*No mailbox of the campaign can send*'
        @($besideFindings.Check) | Should -Be @('MailboxDisconnected', 'MailboxWarmupOff')
        @($besideFindings.Severity | ForEach-Object { $_.ToString() }) | Should -Be @('Warning', 'Warning')
        $beside | Test-SmartleadCampaign -Quiet | Should -BeExactly $true
    }

    It 'reports a suspended mailbox, and a cold one once its warmup is on' {
        $campaign = New-ReadySmartleadCampaign -EmailAccountId 456, 458
        Suspend-SmartleadEmailAccount -EmailAccountId 456 -Confirm:$false
        Set-SmartleadWarmup -EmailAccountId 458 -Enabled -Confirm:$false

        $findings = @($campaign | Test-SmartleadCampaign)

        @($findings.Check) | Should -Be @('MailboxSuspended', 'MailboxDisconnected', 'MailboxWarmupLow')
        ($findings | Where-Object Check -eq 'MailboxSuspended').Fix | Should -Be 'Resume-SmartleadEmailAccount -EmailAccountId 456'
        ($findings | Where-Object Check -eq 'MailboxWarmupLow').Message | Should -BeLike '*72%*'
        $campaign | Test-SmartleadCampaign -Quiet | Should -BeExactly $false
    }

    It 'reports a STOPPED campaign as StatusNotStartable' {
        $campaign = New-ReadySmartleadCampaign
        Set-SandboxCampaignStatus -Platform 'smartlead' -CampaignId $campaign.Id -Status 'STOPPED'

        $findings = @($campaign | Test-SmartleadCampaign)

        $findings.Count | Should -Be 1
        $findings[0].Check | Should -Be 'StatusNotStartable'
    }

    It 'checks every piped campaign (Id, campaign_id or a plain id), one bool each with -Quiet, in order' {
        $ready = New-ReadySmartleadCampaign
        $empty = New-SmartleadCampaign -Name 'Empty'

        $answers = @($ready, [pscustomobject]@{ campaign_id = $empty.Id }, $ready.Id | Test-SmartleadCampaign -Quiet)

        $answers | Should -Be @($true, $false, $true)
    }

    It 'reports a campaign that cannot be read as SmartleadCampaignNotFound and checks the next one' {
        $empty = New-SmartleadCampaign -Name 'Empty'

        $answers = @(999999, $empty.Id | Test-SmartleadCampaign -Quiet -ErrorAction SilentlyContinue -ErrorVariable failures)

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadCampaignNotFound*'
        $failures[0].CategoryInfo.Category.ToString() | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 999999
        $answers | Should -Be @($false)
    }

    It 'changes nothing on the server' {
        $campaign = New-SmartleadCampaign -Name 'Read only'
        Clear-SandboxRequestLog

        $null = $campaign | Test-SmartleadCampaign

        @(Get-SandboxRequests | Where-Object method -ne 'GET').Count | Should -Be 0
    }
}

Describe 'Start-SmartleadCampaign runs the readiness check first' {
    BeforeEach {
        Reset-TestSandbox
    }

    It 'refuses a campaign that is not ready as SmartleadCampaignNotReady and sends nothing to the status endpoint' {
        $campaign = New-SmartleadCampaign -Name 'Not ready'

        $result = $campaign | Start-SmartleadCampaign -Confirm:$false -PassThru -ErrorAction SilentlyContinue -ErrorVariable failures

        $result | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadCampaignNotReady*'
        $failures[0].CategoryInfo.Category.ToString() | Should -Be 'InvalidOperation'
        $failures[0].TargetObject.Id | Should -Be $campaign.Id
        $failures[0].Exception.Message | Should -BeLike '*SequenceMissing*Set-SmartleadSequence*MailboxMissing*LeadsMissing*Add-SmartleadLead*-Force*'
        $failures[0].Exception.Message | Should -Not -BeLike '*ScheduleMissing*'
        Get-StatusPostCount -CampaignId $campaign.Id | Should -Be 0
        Get-SmartleadStatus -CampaignId $campaign.Id | Should -Be 'DRAFTED'
    }

    It 'names the campaign id as TargetObject when it is given by parameter' {
        $campaign = New-SmartleadCampaign -Name 'Not ready'

        Start-SmartleadCampaign -CampaignId $campaign.Id -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures[0].TargetObject | Should -Be $campaign.Id
    }

    It 'starts a ready campaign, writing the warnings it found' {
        $campaign = New-ReadySmartleadCampaign -EmailAccountId 456, 458

        $records = @($campaign | Start-SmartleadCampaign -Confirm:$false -PassThru 3>&1)

        $warnings = @($records | Where-Object { $_ -is [System.Management.Automation.WarningRecord] })
        @($warnings | Where-Object { $_.Message -like '*MailboxDisconnected*458*' }).Count | Should -Be 1
        @($records | Where-Object { $_ -isnot [System.Management.Automation.WarningRecord] })[0].Status | Should -Be 'ACTIVE'
        Get-StatusPostCount -CampaignId $campaign.Id | Should -Be 1
    }

    It 'skips the check with -Force: Smartlead''s own refusal is what comes back' {
        $campaign = New-SmartleadCampaign -Name 'Forced'
        Clear-SandboxRequestLog

        $campaign | Start-SmartleadCampaign -Force -ErrorAction SilentlyContinue -ErrorVariable failures

        @(Get-SandboxRequests -Method 'GET' -PathPrefix ('{0}/campaigns/{1}/sequences' -f $smartleadPath, $campaign.Id)).Count | Should -Be 0
        Get-StatusPostCount -CampaignId $campaign.Id | Should -Be 1
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadCampaignNotReady*'
        Get-SmartleadStatus -CampaignId $campaign.Id | Should -Be 'DRAFTED'
    }

    It 'starts a campaign the check would warn about or block when -Force is given' {
        $campaign = New-ReadySmartleadCampaign -EmailAccountId 458

        $campaign | Start-SmartleadCampaign -Force

        Get-SmartleadStatus -CampaignId $campaign.Id | Should -Be 'ACTIVE'
    }

    It 'with -WhatIf still checks (reads only) and reports a refusal as it would happen; with -Force -WhatIf reads nothing' {
        $campaign = New-SmartleadCampaign -Name 'What if'
        Clear-SandboxRequestLog

        $campaign | Start-SmartleadCampaign -WhatIf -ErrorAction SilentlyContinue -ErrorVariable failures
        $reads = @(Get-SandboxRequests).Count
        $campaign | Start-SmartleadCampaign -Force -WhatIf

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadCampaignNotReady*'
        $reads | Should -BeGreaterThan 0
        @(Get-SandboxRequests).Count | Should -Be $reads
        @(Get-SandboxRequests | Where-Object method -ne 'GET').Count | Should -Be 0
    }

    It 'refuses the unready campaigns of a pipeline and starts the ready ones' {
        $empty = New-SmartleadCampaign -Name 'Empty'
        $ready = New-ReadySmartleadCampaign

        $empty, $ready | Start-SmartleadCampaign -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures.Count | Should -Be 1
        $failures[0].TargetObject.Id | Should -Be $empty.Id
        Get-SmartleadStatus -CampaignId $empty.Id | Should -Be 'DRAFTED'
        Get-SmartleadStatus -CampaignId $ready.Id | Should -Be 'ACTIVE'
        Get-StatusPostCount -CampaignId $empty.Id | Should -Be 0
    }

    It 'reports an unknown campaign as SmartleadCampaignNotFound before anything is sent' {
        Start-SmartleadCampaign -CampaignId 999999 -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadCampaignNotFound*'
        Get-StatusPostCount -CampaignId 999999 | Should -Be 0
    }
}

Describe 'Test-SmsCampaign' {
    BeforeEach {
        Reset-TestSandbox
    }

    It 'writes nothing for a ready campaign, and $true with -Quiet' {
        $campaign = New-SmsCampaign -Name 'Ready' -Message 'Hi {{firstName}} {{lastName}}' -ExistingContactId $samId, $alexId

        @($campaign | Test-SmsCampaign).Count | Should -Be 0
        $campaign | Test-SmsCampaign -Quiet | Should -BeExactly $true
    }

    It 'reports a merge field some contacts lack, naming them' {
        $campaign = New-SmsCampaign -Name 'Codes' -Message 'Hi {{firstName}}, your code went to {{email}}' -ExistingContactId $samId, $alexId

        $findings = @($campaign | Test-SmsCampaign)

        $findings.Count | Should -Be 1
        $findings[0].GetType().FullName | Should -Be $findingType
        $findings[0].Check | Should -Be 'MergeFieldMissing'
        $findings[0].Severity.ToString() | Should -Be 'Error'
        $findings[0].Platform.ToString() | Should -Be 'Sms'
        $findings[0].CampaignId | Should -Be $campaign.Id
        $findings[0].Message | Should -BeLike '*{{email}}*Sam Patel*Alex Morgan*'
        $campaign | Test-SmsCampaign -Quiet | Should -BeExactly $false
    }

    It 'reports a contact whose number is not E.164 (changed in Tether after the campaign was made)' {
        $campaign = New-SmsCampaign -Name 'Numbers' -Message 'Hi {{firstName}}' -ExistingContactId $samId, $alexId
        $null = Invoke-SandboxControl -Method 'Patch' -Route ('sms/contacts/' + $alexId) -Body @{ phoneNumber = '(416) 555-0101' }

        $findings = @($campaign | Test-SmsCampaign)

        $findings.Count | Should -Be 1
        $findings[0].Check | Should -Be 'ContactPhoneInvalid'
        $findings[0].Message | Should -BeLike "*Alex Morgan*'(416) 555-0101'*"
        $findings[0].Message | Should -Not -BeLike '*Sam*'
    }

    It 'reports a scheduled time that has passed as ScheduleInPast' {
        $campaign = New-SmsCampaign -Name 'Late' -Message 'Hi {{firstName}}' -ExistingContactId $samId -ScheduleDate (Get-Date).AddDays(1) -Force
        $null = Invoke-SandboxControl -Method 'Put' -Route ('sms/campaigns/' + $campaign.Id + '/schedule-date') -Body @{ scheduleDate = (Get-Date).ToUniversalTime().AddHours(-1).ToString('o') }

        $findings = @($campaign | Test-SmsCampaign)

        $findings.Count | Should -Be 1
        $findings[0].Check | Should -Be 'ScheduleInPast'
        $findings[0].Fix | Should -BeLike '*Send-SmsCampaign*'
    }

    It 'reports a campaign that was sent already as StatusNotSendable' {
        $campaign = New-SmsCampaign -Name 'Done' -Message 'Hi' -ExistingContactId $samId
        Set-SandboxCampaignStatus -Platform 'sms' -CampaignId $campaign.Id -Status 'completed'

        @($campaign | Test-SmsCampaign).Check | Should -Be @('StatusNotSendable')
    }

    It 'checks every piped campaign, one bool each with -Quiet, and reports one that cannot be read as SmsCampaignNotFound' {
        $ready = New-SmsCampaign -Name 'Ready' -Message 'Hi {{firstName}}' -ExistingContactId $samId
        $unready = New-SmsCampaign -Name 'Codes' -Message 'Code sent to {{email}}' -ExistingContactId $samId

        $answers = @($ready, '665f1a0c0e0a4b001a2c9fff', [pscustomobject]@{ _id = $unready.Id } | Test-SmsCampaign -Quiet -ErrorAction SilentlyContinue -ErrorVariable failures)

        $answers | Should -Be @($true, $false)
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmsCampaignNotFound*'
        $failures[0].TargetObject | Should -Be '665f1a0c0e0a4b001a2c9fff'
    }
}

Describe 'Send-SmsCampaign runs the readiness check first' {
    BeforeEach {
        Reset-TestSandbox
    }

    It 'refuses a campaign that is not ready as SmsCampaignNotReady and sends nothing' {
        $campaign = New-SmsCampaign -Name 'Codes' -Message 'Code sent to {{email}}' -ExistingContactId $samId

        $result = $campaign | Send-SmsCampaign -Confirm:$false -PassThru -ErrorAction SilentlyContinue -ErrorVariable failures

        $result | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmsCampaignNotReady*'
        $failures[0].CategoryInfo.Category.ToString() | Should -Be 'InvalidOperation'
        $failures[0].TargetObject | Should -Be $campaign.Id
        $failures[0].Exception.Message | Should -BeLike '*MergeFieldMissing*{{email}}*'
        Get-SendPostCount -CampaignId $campaign.Id | Should -Be 0
        Get-SmsStatus -CampaignId $campaign.Id | Should -Be 'draft'
    }

    It 'sends a ready campaign with -Confirm:$false' {
        $campaign = New-SmsCampaign -Name 'Ready' -Message 'Hi {{firstName}}' -ExistingContactId $samId, $alexId

        $sent = $campaign | Send-SmsCampaign -Confirm:$false -PassThru

        $sent.Status | Should -Be 'completed'
        Get-SendPostCount -CampaignId $campaign.Id | Should -Be 1
    }

    It 'skips the check with -Force and sends' {
        $campaign = New-SmsCampaign -Name 'Forced' -Message 'Code sent to {{email}}' -ExistingContactId $samId
        Clear-SandboxRequestLog

        $campaign | Send-SmsCampaign -Force 3>$null

        @(Get-SandboxRequests -Method 'GET' -PathPrefix ($smsPath + '/contacts')).Count | Should -Be 0
        Get-SendPostCount -CampaignId $campaign.Id | Should -Be 1
        Get-SmsStatus -CampaignId $campaign.Id | Should -Be 'completed'
    }

    It 'with -WhatIf checks, reports the refusal and sends nothing' {
        $campaign = New-SmsCampaign -Name 'What if' -Message 'Code sent to {{email}}' -ExistingContactId $samId

        $campaign | Send-SmsCampaign -WhatIf -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmsCampaignNotReady*'
        Get-SendPostCount -CampaignId $campaign.Id | Should -Be 0
    }
}

Describe 'Set-SmsCampaign -ScheduleDate runs the readiness check first' {
    BeforeEach {
        Reset-TestSandbox
    }

    It 'refuses a campaign that is not ready as SmsCampaignNotReady and changes nothing' {
        $campaign = New-SmsCampaign -Name 'Codes' -Message 'Code sent to {{email}}' -ExistingContactId $samId
        Clear-SandboxRequestLog

        $campaign | Set-SmsCampaign -ScheduleDate (Get-Date).AddDays(1) -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SmsCampaignNotReady*'
        $failures[0].Exception.Message | Should -BeLike '*MergeFieldMissing*Set-SmsCampaign*'
        @(Get-SandboxRequests | Where-Object method -ne 'GET').Count | Should -Be 0
        Get-SmsStatus -CampaignId $campaign.Id | Should -Be 'draft'
    }

    It 'checks the message given in the same call, and schedules the campaign' {
        $campaign = New-SmsCampaign -Name 'Codes' -Message 'Code sent to {{email}}' -ExistingContactId $samId

        $scheduled = $campaign | Set-SmsCampaign -Message 'Hi {{firstName}}' -ScheduleDate (Get-Date).AddDays(1) -Confirm:$false -PassThru

        $scheduled.Status | Should -Be 'scheduled'
        $scheduled.Message | Should -Be 'Hi {{firstName}}'
    }

    It 'skips the check with -Force, and does not check a change that sends nothing' {
        $campaign = New-SmsCampaign -Name 'Codes' -Message 'Code sent to {{email}}' -ExistingContactId $samId
        Clear-SandboxRequestLog

        $campaign | Set-SmsCampaign -Name 'Renamed'
        $campaign | Set-SmsCampaign -ScheduleDate (Get-Date).AddDays(1) -Force

        @(Get-SandboxRequests -Method 'GET').Count | Should -Be 0
        Get-SmsStatus -CampaignId $campaign.Id | Should -Be 'scheduled'
    }
}

Describe 'Test-LoopsCampaign' {
    BeforeEach {
        Reset-TestSandbox
    }

    It 'writes nothing for a ready campaign, and $true with -Quiet' {
        $campaign = New-ReadyLoopsCampaign

        @($campaign | Test-LoopsCampaign).Count | Should -Be 0
        $campaign | Test-LoopsCampaign -Quiet | Should -BeExactly $true
    }

    It 'lists what a new campaign still needs, each with the cmdlet that fixes it' {
        $campaign = New-LoopsCampaign -Name 'Bare'

        $findings = @($campaign | Test-LoopsCampaign)

        $findings[0].GetType().FullName | Should -Be $findingType
        $findings.Check | Should -Be @('AudienceMissing', 'SubjectMissing', 'SenderMissing', 'ContentMissing')
        @($findings | Where-Object { $_.Severity.ToString() -ne 'Error' }).Count | Should -Be 0
        $findings[0].Fix | Should -BeLike "Set-LoopsCampaign -CampaignId $($campaign.Id) -MailingListId*"
        $findings[1].Fix | Should -BeLike "Set-LoopsEmailMessage -EmailMessageId $($campaign.EmailMessageId) -Subject*"
        $findings.CampaignId | Select-Object -Unique | Should -Be $campaign.Id
        $campaign | Test-LoopsCampaign -Quiet | Should -BeExactly $false
    }

    It 'reports Guardian errors as Errors and its warnings as Warnings' {
        $campaign = New-ReadyLoopsCampaign -Lmx '<Paragraph>Hi {firstName}</Paragraph><Button>Buy now</Button>'

        $findings = @($campaign | Test-LoopsCampaign)

        $findings.Check | Should -Be @('GuardianError', 'GuardianWarning')
        $findings[0].Severity.ToString() | Should -Be 'Error'
        $findings[0].Message | Should -BeLike '*missingButtonHrefs*Buy now*'
        $findings[1].Severity.ToString() | Should -Be 'Warning'
        $findings[1].Message | Should -BeLike '*missingFallbackContactProperties*firstName*'
    }

    It 'reports a campaign that was sent already as StatusNotDraft' {
        $campaign = New-ReadyLoopsCampaign
        $null = Invoke-SandboxControl -Method 'Put' -Route ('loops/campaigns/{0}/status' -f $campaign.Id) -Body @{ status = 'Sent' }

        @($campaign | Test-LoopsCampaign).Check | Should -Be @('StatusNotDraft')
    }

    It 'checks every piped campaign (Id or a plain id), one bool each with -Quiet, and reports one that cannot be read as LoopsCampaignNotFound' {
        $ready = New-ReadyLoopsCampaign
        $bare = New-LoopsCampaign -Name 'Bare'

        $answers = @($ready, 'cmp_missing', $bare.Id | Test-LoopsCampaign -Quiet -ErrorAction SilentlyContinue -ErrorVariable failures)

        $answers | Should -Be @($true, $false)
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LoopsCampaignNotFound*'
    }

    It 'changes nothing on the server' {
        $campaign = New-LoopsCampaign -Name 'Bare'
        Clear-SandboxRequestLog

        $null = $campaign | Test-LoopsCampaign

        @(Get-SandboxRequests).Count | Should -BeGreaterThan 0
        @(Get-SandboxRequests | Where-Object method -ne 'GET').Count | Should -Be 0
    }
}

Describe 'Set-LoopsCampaign -SendNow and -ScheduleAt run the readiness check first' {
    BeforeEach {
        Reset-TestSandbox
    }

    It 'refuses a campaign that is not ready as LoopsCampaignNotReady and sends nothing' {
        $campaign = New-ReadyLoopsCampaign -MailingListId ''
        Clear-SandboxRequestLog

        $result = $campaign | Set-LoopsCampaign -ScheduleAt (Get-Date).AddDays(1) -Confirm:$false -PassThru -ErrorAction SilentlyContinue -ErrorVariable failures

        $result | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LoopsCampaignNotReady*'
        $failures[0].CategoryInfo.Category.ToString() | Should -Be 'InvalidOperation'
        $failures[0].TargetObject.Id | Should -Be $campaign.Id
        $failures[0].Exception.Message | Should -BeLike '*AudienceMissing*Set-LoopsCampaign*-Force*'
        @(Get-SandboxRequests | Where-Object method -ne 'GET').Count | Should -Be 0
        (Get-LoopsCampaign -CampaignId $campaign.Id).Status | Should -Be 'Draft'
    }

    It 'counts the audience given in the same call, and schedules a ready campaign' {
        $campaign = New-ReadyLoopsCampaign -MailingListId ''
        $at = (Get-Date).AddDays(1)

        $result = $campaign | Set-LoopsCampaign -MailingListId 'list_main' -ScheduleAt $at -Confirm:$false -PassThru

        $result.Status | Should -Be 'Scheduled'
        $result.MailingListId | Should -Be 'list_main'
        Get-LoopsSchedulePostCount -CampaignId $campaign.Id | Should -Be 1
    }

    It 'refuses a Guardian error, and sends with a Guardian warning written as a warning' {
        $blocked = New-ReadyLoopsCampaign -Lmx '<Button>Buy now</Button>'
        $warned = New-ReadyLoopsCampaign -Lmx '<Paragraph>Hi {firstName}</Paragraph>'

        $records = @($blocked, $warned | Set-LoopsCampaign -SendNow -Confirm:$false -PassThru -ErrorAction SilentlyContinue -ErrorVariable failures 3>&1)

        $failures.Count | Should -Be 1
        $failures[0].Exception.Message | Should -BeLike '*GuardianError*missingButtonHrefs*'
        $warnings = @($records | Where-Object { $_ -is [System.Management.Automation.WarningRecord] })
        @($warnings | Where-Object { $_.Message -like "Loops campaign $($warned.Id): GuardianWarning*" }).Count | Should -Be 1
        $sent = @($records | Where-Object { $_ -isnot [System.Management.Automation.WarningRecord] })
        $sent.Id | Should -Be @($warned.Id)
        Get-LoopsSchedulePostCount -CampaignId $blocked.Id | Should -Be 0
    }

    It 'skips the check with -Force' {
        $campaign = New-LoopsCampaign -Name 'Forced' -MailingListId 'list_main'
        Clear-SandboxRequestLog

        $campaign | Set-LoopsCampaign -ScheduleAt (Get-Date).AddDays(1) -Force -ErrorAction SilentlyContinue

        @(Get-SandboxRequests -Method 'GET' -PathPrefix ($loopsPath + '/email-messages')).Count | Should -Be 0
        Get-LoopsSchedulePostCount -CampaignId $campaign.Id | Should -Be 1
    }

    It 'does not check changes that send nothing' {
        $campaign = New-LoopsCampaign -Name 'Rename me'
        Clear-SandboxRequestLog

        $renamed = $campaign | Set-LoopsCampaign -Name 'Renamed' -PassThru

        $renamed.Name | Should -Be 'Renamed'
        @(Get-SandboxRequests -Method 'GET' -PathPrefix ($loopsPath + '/email-messages')).Count | Should -Be 0
    }

    It 'with -WhatIf checks (reads only), reports the refusal and sends nothing' {
        $campaign = New-LoopsCampaign -Name 'What if'
        Clear-SandboxRequestLog

        $campaign | Set-LoopsCampaign -SendNow -WhatIf -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LoopsCampaignNotReady*'
        @(Get-SandboxRequests).Count | Should -BeGreaterThan 0
        @(Get-SandboxRequests | Where-Object method -ne 'GET').Count | Should -Be 0
    }
}
