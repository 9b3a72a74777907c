# Get-LoopsEmailMessage and Set-LoopsEmailMessage against the sandbox: revisions bound from the
# pipeline, chained updates, stale revisions, -Force and -LmxPath.

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-CampaignPSModule
    $sandbox = Start-TestSandbox
    $key = Get-SandboxLoopsKey
    Connect-Loops -ApiKey (New-TestSecureString) -BaseUri $sandbox.LoopsUri

    $workFolder = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('campaignps-email-tests-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $workFolder -Force

    function Get-UpdateRequests {
        param([string] $EmailMessageId)
        @(Get-SandboxRequests -Method 'POST' -PathPrefix ('/loops/api/v1/email-messages/' + $EmailMessageId))
    }
}

AfterAll {
    Disconnect-Loops -ErrorAction SilentlyContinue
    Stop-TestSandbox -Sandbox $sandbox
    if ($workFolder -and (Test-Path -LiteralPath $workFolder)) {
        Remove-Item -LiteralPath $workFolder -Recurse -Force -ErrorAction SilentlyContinue
    }
}

Describe 'Get-LoopsEmailMessage' {
    BeforeEach {
        Reset-TestSandbox
        $campaign = New-LoopsCampaign -Name 'Has a message'
    }

    It 'reads the message of a campaign from the pipeline' {
        $message = $campaign | Get-LoopsEmailMessage

        $message.GetType().FullName | Should -Be 'CampaignPS.Engine.Loops.LoopsEmailMessage'
        $message.EmailMessageId | Should -Be $campaign.EmailMessageId
        $message.CampaignId | Should -Be $campaign.Id
        $message.ContentRevisionId | Should -Be $campaign.EmailMessageContentRevisionId
    }

    It 'reads a message by id and by position' {
        (Get-LoopsEmailMessage -EmailMessageId $campaign.EmailMessageId).CampaignId | Should -Be $campaign.Id
        (Get-LoopsEmailMessage $campaign.EmailMessageId).CampaignId | Should -Be $campaign.Id
    }

    It 'reports LoopsEmailMessageNotFound for an unknown id' {
        Get-LoopsEmailMessage -EmailMessageId 'em_does_not_exist' -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LoopsEmailMessageNotFound*'
        $failures[0].TargetObject | Should -Be 'em_does_not_exist'
    }
}

Describe 'Set-LoopsEmailMessage' {
    BeforeEach {
        Reset-TestSandbox
        $campaign = New-LoopsCampaign -Name 'Message to write'
    }

    It 'updates the message with the revision bound from New-LoopsCampaign' {
        $message = $campaign | Set-LoopsEmailMessage -Subject 'Hello' -PreviewText 'A short preview' -FromName 'Acme' -FromEmail 'hello' -ReplyToEmail 'support@example.com' -PassThru

        $message.Subject | Should -Be 'Hello'
        $message.PreviewText | Should -Be 'A short preview'
        $message.FromName | Should -Be 'Acme'
        $message.FromEmail | Should -Be 'hello'
        $message.ReplyToEmail | Should -Be 'support@example.com'
        $message.CampaignId | Should -Be $campaign.Id
        $message.ContentRevisionId | Should -Not -Be $campaign.EmailMessageContentRevisionId

        $updates = @(Get-UpdateRequests -EmailMessageId $campaign.EmailMessageId)
        $updates.Count | Should -Be 1
        ($updates[0].body | ConvertFrom-Json).expectedRevisionId | Should -Be $campaign.EmailMessageContentRevisionId
    }

    It 'writes nothing without -PassThru' {
        $output = $campaign | Set-LoopsEmailMessage -Subject 'Quiet'

        $output | Should -BeNullOrEmpty
        ($campaign | Get-LoopsEmailMessage).Subject | Should -Be 'Quiet'
    }

    It 'chains two updates in one pipeline with -PassThru (the second uses the new revision)' {
        $final = $campaign |
            Set-LoopsEmailMessage -Subject 'First change' -PassThru |
            Set-LoopsEmailMessage -FromName 'Second change' -PassThru

        @($final).Count | Should -Be 1
        $final.Subject | Should -Be 'First change'
        $final.FromName | Should -Be 'Second change'

        $updates = @(Get-UpdateRequests -EmailMessageId $campaign.EmailMessageId)
        $updates.Count | Should -Be 2
        $firstRevision = ($updates[0].body | ConvertFrom-Json).expectedRevisionId
        $secondRevision = ($updates[1].body | ConvertFrom-Json).expectedRevisionId
        $firstRevision | Should -Be $campaign.EmailMessageContentRevisionId
        $secondRevision | Should -Not -Be $firstRevision
        $updates[1].statusCode | Should -Be 200
    }

    It 'hands its output to Set-LoopsCampaign (CampaignId binds from the message)' {
        $updated = $campaign |
            Set-LoopsEmailMessage -Subject 'Then configure' -PassThru |
            Set-LoopsCampaign -Name 'Configured through the pipeline' -Confirm:$false -PassThru

        $updated.Id | Should -Be $campaign.Id
        $updated.Name | Should -Be 'Configured through the pipeline'
    }

    It 'reports LoopsRevisionStale when the revision is out of date, and changes nothing' {
        $campaign | Set-LoopsEmailMessage -Subject 'One'

        $result = $campaign | Set-LoopsEmailMessage -Subject 'Two' -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue

        $result | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LoopsRevisionStale*'
        $failures[0].CategoryInfo.Category.ToString() | Should -Be 'InvalidOperation'
        # The record that failed is the one that came down the pipeline: the campaign, which carries the message id.
        $failures[0].TargetObject.EmailMessageId | Should -Be $campaign.EmailMessageId
        ($campaign | Get-LoopsEmailMessage).Subject | Should -Be 'One'
    }

    It 'asks for a revision when there is none and no -Force, without calling the API' {
        Set-LoopsEmailMessage -EmailMessageId $campaign.EmailMessageId -Subject 'No revision' -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LoopsInvalidExpectedRevisionId*'
        @(Get-UpdateRequests -EmailMessageId $campaign.EmailMessageId).Count | Should -Be 0
    }

    It 'with -Force and no revision reads the current revision first, then updates' {
        $campaign | Set-LoopsEmailMessage -Subject 'Changed meanwhile'

        $message = Set-LoopsEmailMessage -EmailMessageId $campaign.EmailMessageId -Subject 'Forced' -Force -PassThru

        $message.Subject | Should -Be 'Forced'
        @(Get-SandboxRequests -Method 'GET' -PathPrefix ('/loops/api/v1/email-messages/' + $campaign.EmailMessageId)).Count | Should -Be 1
    }

    It 'with -Force overwrites even when a stale revision comes down the pipeline (as its help says)' {
        # Set-LoopsEmailMessage's help: "-Force reads the current revision first and overwrites whatever changed meanwhile."
        $campaign | Set-LoopsEmailMessage -Subject 'Changed meanwhile'

        $message = $campaign | Set-LoopsEmailMessage -Subject 'Forced over a stale revision' -Force -PassThru -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures.Count | Should -Be 0
        $message.Subject | Should -Be 'Forced over a stale revision'
    }

    It 'reads the body from -LmxPath' {
        $lmxText = '<Paragraph>Hello from a file.</Paragraph>'
        $path = Join-Path -Path $workFolder -ChildPath 'body.lmx'
        [System.IO.File]::WriteAllText($path, $lmxText)

        $message = $campaign | Set-LoopsEmailMessage -LmxPath $path -PassThru

        $message.Lmx | Should -Be $lmxText
        ($campaign | Get-LoopsEmailMessage).Lmx | Should -Be $lmxText
    }

    It 'takes the body as text with -Lmx' {
        $message = $campaign | Set-LoopsEmailMessage -Lmx '<Paragraph>Inline</Paragraph>' -PassThru
        $message.Lmx | Should -Be '<Paragraph>Inline</Paragraph>'
    }

    It 'reports an unreadable -LmxPath as LoopsLmxFileUnreadable without calling the API' {
        $missing = Join-Path -Path $workFolder -ChildPath 'missing.lmx'

        $campaign | Set-LoopsEmailMessage -LmxPath $missing -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LoopsLmxFileUnreadable*'
        @(Get-UpdateRequests -EmailMessageId $campaign.EmailMessageId).Count | Should -Be 0
    }

    It 'refuses -Lmx together with -LmxPath' {
        { Set-LoopsEmailMessage -EmailMessageId $campaign.EmailMessageId -Lmx '<Paragraph>x</Paragraph>' -LmxPath 'body.lmx' } |
            Should -Throw -ErrorId 'AmbiguousParameterSet*'
    }

    It 'refuses a full address in -FromEmail as LoopsInvalidFromEmail without calling the API' {
        $campaign | Set-LoopsEmailMessage -FromEmail 'hello@example.com' -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LoopsInvalidFromEmail*'
        @(Get-UpdateRequests -EmailMessageId $campaign.EmailMessageId).Count | Should -Be 0
    }

    It 'reports LoopsCampaignNotDraft once the campaign was sent' {
        Set-LoopsCampaignStatus -CampaignId $campaign.Id -Status 'Sent'

        $campaign | Set-LoopsEmailMessage -Subject 'Too late' -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LoopsCampaignNotDraft*'
    }

    It 'sends nothing with -WhatIf' {
        $output = $campaign | Set-LoopsEmailMessage -Subject 'Rehearsal' -PassThru -WhatIf

        $output | Should -BeNullOrEmpty
        @(Get-UpdateRequests -EmailMessageId $campaign.EmailMessageId).Count | Should -Be 0
    }

    It 'never writes the key to the verbose stream' {
        $records = $campaign | Set-LoopsEmailMessage -Subject 'Verbose check' -Verbose 4>&1

        @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 0
        ($records | Get-StreamText) | Should -Not -BeLike "*$key*"
    }
}
