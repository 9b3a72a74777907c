# Get-CampaignMetric (issue 16, one metrics shape) against the sandbox: campaigns of all four platforms piped in give
# one CampaignMetric each with the platform's figures (null where the platform counts nothing), -Platform/-CampaignId,
# a campaign that cannot be read is a named error and the next one still comes out, and Export-Csv writes the same
# columns for every platform.

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-CampaignPSModule
    $sandbox = Start-TestSandbox
    $metricType = 'CampaignPS.Engine.Metrics.CampaignMetric'
    $columns = @('Platform', 'CampaignId', 'CampaignName', 'Status', 'Sent', 'Delivered', 'Opened', 'Clicked', 'Replied', 'Bounced', 'Unsubscribed', 'Failed')

    $loopsConnection = Connect-TestLoops
    $null = Connect-TestSmartlead
    $null = Connect-TestOutbox
    $null = Connect-TestSms

    # One sent campaign per platform with known figures. Loops: 15 sends to list_beta, 10 opens, 4 clicks, 1 bounce.
    # Smartlead: 3 emails, ann replies, bo bounces, cy clicks. Outbox: the counters of a new campaign ("0").
    # SMS: 3 texts, one to a number the carrier rejects.
    function New-MetricCampaigns {
        $loops = New-LoopsCampaign -Name 'Metrics Loops' -MailingListId list_beta
        Set-LoopsCampaign -CampaignId $loops.Id -SendNow -Force
        $null = Invoke-SandboxControl -Method Post -Route "loops/campaigns/$($loops.Id)/engagement" -Body @{ opens = 10; clicks = 4; softBounces = 1 }

        $smartlead = New-TestSmartleadLaunch -Email 'ann@acme.example', 'bo@acme.example', 'cy@acme.example' -Name 'Metrics Smartlead'
        $null = Invoke-SmartleadDelivery -CampaignId $smartlead.Id
        Add-SmartleadSandboxEvent -CampaignId $smartlead.Id -Email 'ann@acme.example' -Event 'Replied'
        Add-SmartleadSandboxEvent -CampaignId $smartlead.Id -Email 'bo@acme.example' -Event 'Bounced'
        Add-SmartleadSandboxEvent -CampaignId $smartlead.Id -Email 'cy@acme.example' -Event 'Clicked'

        $sender = New-OutboxSender -FromEmail 'metrics@example.com' -FromName 'Metrics'
        $outbox = New-OutboxCampaign -Name 'Metrics Outbox' -SenderIdentityId $sender.Id -TimeZone 'Europe/Berlin'

        $sms = @(
            [pscustomobject]@{ firstName = 'Jo'; phoneNumber = '+14155550133' }
            [pscustomobject]@{ firstName = 'Kim'; phoneNumber = '+14155550134' }
            [pscustomobject]@{ firstName = 'Nil'; phoneNumber = '+14155550000' }
        ) | New-SmsCampaign -Name 'Metrics SMS' -Message 'Hi {{firstName}}'
        $null = $sms | Send-SmsCampaign -Force 3>$null

        return [pscustomobject]@{ Loops = $loops; Smartlead = $smartlead; Outbox = $outbox; Sms = $sms }
    }

    function Get-Figures {
        param([Parameter(Mandatory = $true)] $Metric)
        return @($Metric.Sent, $Metric.Delivered, $Metric.Opened, $Metric.Clicked, $Metric.Replied, $Metric.Bounced, $Metric.Unsubscribed, $Metric.Failed)
    }
}

AfterAll {
    Disconnect-Loops -ErrorAction SilentlyContinue
    Disconnect-Smartlead -ErrorAction SilentlyContinue
    Disconnect-Outbox -ErrorAction SilentlyContinue
    Disconnect-SmsPlatform -ErrorAction SilentlyContinue
    Stop-TestSandbox -Sandbox $sandbox
}

Describe 'Get-CampaignMetric' {
    BeforeAll {
        Reset-TestSandbox
        $made = New-MetricCampaigns
    }

    It 'gives one CampaignMetric per piped campaign of each platform, with the platform''s figures and null for what it does not count' {
        $metrics = @($made.Loops, $made.Smartlead, $made.Outbox, $made.Sms | Get-CampaignMetric)

        $metrics.Count | Should -Be 4
        @($metrics | ForEach-Object { $_.GetType().FullName } | Select-Object -Unique) | Should -Be @($metricType)
        @($metrics.Platform | ForEach-Object ToString) | Should -Be @('Loops', 'Smartlead', 'Outbox', 'Sms')
        @($metrics.CampaignId) | Should -Be @($made.Loops.Id, [string]$made.Smartlead.Id, $made.Outbox.Id.ToString(), $made.Sms.Id)
        @($metrics.CampaignName) | Should -Be @('Metrics Loops', 'Metrics Smartlead', 'Metrics Outbox', 'Metrics SMS')

        # Sent, Delivered, Opened, Clicked, Replied, Bounced, Unsubscribed, Failed
        Get-Figures $metrics[0] | Should -Be @(15, $null, 10, 4, $null, 1, 0, $null)
        $smartlead = Get-Figures $metrics[1]
        $smartlead[0] | Should -Be 3
        $smartlead[3..5] | Should -Be @(1, 1, 1)
        $smartlead[1] | Should -BeNullOrEmpty
        $smartlead[7] | Should -BeNullOrEmpty
        Get-Figures $metrics[2] | Should -Be @(0, $null, 0, 0, 0, $null, $null, $null)
        Get-Figures $metrics[3] | Should -Be @(2, $null, $null, $null, $null, $null, $null, 1)
    }

    It 'reads name and status from the server now, not from the piped object' {
        $metric = $made.Loops | Get-CampaignMetric

        $made.Loops.Status | Should -Be 'Draft'
        $metric.Status | Should -Be (Get-LoopsCampaign -CampaignId $made.Loops.Id).Status
        $metric.Status | Should -Not -Be 'Draft'
        ($made.Sms | Get-CampaignMetric).Status | Should -Be 'completed'
    }

    It 'reads campaigns given by -Platform and -CampaignId, also positionally' {
        $smartlead = @(Get-CampaignMetric -Platform Smartlead -CampaignId $made.Smartlead.Id)
        $both = @(Get-CampaignMetric Sms $made.Sms.Id, $made.Sms.Id)

        $smartlead.Count | Should -Be 1
        $smartlead[0].CampaignId | Should -Be ([string]$made.Smartlead.Id)
        $smartlead[0].Replied | Should -Be 1
        $both.Count | Should -Be 2
        $both[1].Failed | Should -Be 1
    }

    It 'reports a campaign that cannot be read with its platform''s ErrorId, and the next one still comes out' {
        $loops = @(Get-CampaignMetric -Platform Loops -CampaignId 'cmp_nope', $made.Loops.Id -ErrorVariable loopsFailed -ErrorAction SilentlyContinue)
        $smartlead = @(Get-CampaignMetric -Platform Smartlead -CampaignId '999999', 'not-a-number', $made.Smartlead.Id -ErrorVariable smartleadFailed -ErrorAction SilentlyContinue)
        $sms = @(Get-CampaignMetric -Platform Sms -CampaignId '000000000000000000000abc', $made.Sms.Id -ErrorVariable smsFailed -ErrorAction SilentlyContinue)
        $outbox = @(Get-CampaignMetric -Platform Outbox -CampaignId $made.Outbox.Id -ErrorVariable outboxFailed -ErrorAction SilentlyContinue)

        $loops.CampaignId | Should -Be $made.Loops.Id
        $loopsFailed[0].FullyQualifiedErrorId | Should -BeLike 'LoopsCampaignNotFound*'
        $loopsFailed[0].TargetObject | Should -Be 'cmp_nope'
        $smartlead.CampaignId | Should -Be ([string]$made.Smartlead.Id)
        $smartleadFailed.Count | Should -Be 2
        $smartleadFailed[0].FullyQualifiedErrorId | Should -BeLike 'SmartleadCampaignNotFound*'
        $smartleadFailed[1].FullyQualifiedErrorId | Should -BeLike 'SmartleadInvalidCampaignId*'
        $sms.CampaignId | Should -Be $made.Sms.Id
        $smsFailed[0].FullyQualifiedErrorId | Should -BeLike 'SmsCampaignNotFound*'
        $outbox.Count | Should -Be 0
        $outboxFailed[0].FullyQualifiedErrorId | Should -BeLike 'OutboxCampaignNotReadable*'
        $outboxFailed[0].Exception.Message | Should -BeLike '*New-OutboxCampaign*'
    }

    It 'refuses a piped object that is not a campaign while binding, and the next campaign still comes out' {
        $metrics = @('cmp_plain_text', $made.Sms | Get-CampaignMetric -ErrorVariable failed -ErrorAction SilentlyContinue)

        $metrics.Count | Should -Be 1
        $metrics[0].Platform | Should -Be 'Sms'
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError*'
    }

    It 'uses the connection of the platform given in -Connection, and refuses two of one platform' {
        $second = Connect-TestLoops

        $metric = Get-CampaignMetric -Platform Loops -CampaignId $made.Loops.Id -Connection $loopsConnection
        { Get-CampaignMetric -Platform Loops -CampaignId $made.Loops.Id -Connection $loopsConnection, $second -ErrorAction Stop } | Should -Throw -ErrorId 'LoopsWrongConnection*'

        $metric.Sent | Should -Be 15
    }

    It 'writes the same columns for every platform to CSV, an uncounted figure as an empty cell' {
        $path = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('campaignps-metrics-' + [guid]::NewGuid().ToString('N') + '.csv')
        try {
            $made.Loops, $made.Smartlead, $made.Outbox, $made.Sms | Get-CampaignMetric | Export-Csv -LiteralPath $path -NoTypeInformation
            $rows = @(Import-Csv -LiteralPath $path)

            (Get-Content -LiteralPath $path -TotalCount 1) | Should -Be (($columns | ForEach-Object { '"{0}"' -f $_ }) -join ',')
            $rows.Count | Should -Be 4
            @($rows.Platform) | Should -Be @('Loops', 'Smartlead', 'Outbox', 'Sms')
            $rows[3].Sent | Should -Be '2'
            $rows[3].Failed | Should -Be '1'
            $rows[3].Opened | Should -Be ''
            $rows[0].Failed | Should -Be ''
            $rows[0].Opened | Should -Be '10'
        }
        finally {
            Remove-Item -LiteralPath $path -ErrorAction SilentlyContinue
        }
    }

    It 'needs no connection for a piped Outbox campaign, and ends with SmsNotConnected when SMS has none' {
        Disconnect-Outbox
        Disconnect-SmsPlatform
        try {
            ($made.Outbox | Get-CampaignMetric).Sent | Should -Be 0
            { $made.Sms | Get-CampaignMetric -ErrorAction Stop } | Should -Throw -ErrorId 'SmsNotConnected*'
        }
        finally {
            $null = Connect-TestOutbox
            $null = Connect-TestSms
        }
    }
}
