# What a user sees at the prompt: the default table of every output type keeps its id uncut at 80 columns,
# Get-Help shows every parameter set, and plain ids pipe into the Get- cmdlets.

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-CampaignPSModule
    $sandbox = Start-TestSandbox
    $loops = Connect-TestLoops
    $smartlead = Connect-TestSmartlead
    $outbox = Connect-TestOutbox
    $sms = Connect-TestSms

    # The object's default view at an 80-column console: the lines, none wider than 80.
    function Get-ConsoleLine {
        param([Parameter(Mandatory = $true)] [object] $InputObject)
        $text = $InputObject | Out-String -Width 80
        return @($text -split "`r?`n" | Where-Object { $_.Trim() })
    }
}

AfterAll {
    Disconnect-Loops -ErrorAction SilentlyContinue
    Disconnect-Smartlead -ErrorAction SilentlyContinue
    Disconnect-Outbox -ErrorAction SilentlyContinue
    Disconnect-SmsPlatform -ErrorAction SilentlyContinue
    Stop-TestSandbox -Sandbox $sandbox
}

Describe 'Default table views at 80 columns' {
    BeforeAll {
        Reset-TestSandbox
        $longName = 'A campaign name that is much longer than any column is wide'
        $sender = New-OutboxSender -FromEmail 'jo.smith.with.a.long.address@example.com' -FromName 'Jo Smith'
        $loopsCampaign = New-LoopsCampaign -Name $longName
        $cases = @(
            @{ Type = 'LoopsCampaign'; Object = $loopsCampaign; Id = $loopsCampaign.Id }
            @{ Type = 'LoopsEmailMessage'; Object = ($loopsCampaign | Get-LoopsEmailMessage); Id = $loopsCampaign.EmailMessageId }
            @{ Type = 'SmartleadCampaign'; Object = (New-SmartleadCampaign -Name $longName); Id = $null }
            @{ Type = 'OutboxSender'; Object = $sender; Id = $sender.Id }
            @{ Type = 'OutboxCampaign'; Object = (New-OutboxCampaign -Name $longName -SenderIdentityId $sender.Id -TimeZone 'Europe/Berlin'); Id = $null }
            @{ Type = 'SmsCampaign'; Object = (New-SmsCampaign -Name $longName -Message 'Hi' -ExistingContactId '665f1a0c0e0a4b001a2c9f01'); Id = $null }
            @{ Type = 'LoopsCampaignMetric'; Object = ($loopsCampaign | Get-LoopsCampaignMetric); Id = $loopsCampaign.Id }
            @{ Type = 'LoopsEmailPreviewResult'; Object = ($loopsCampaign | Send-LoopsEmailMessagePreview -Email 'a.rather.long.reviewer.address@example.com' -Force); Id = $loopsCampaign.EmailMessageId }
            @{ Type = 'SmsCampaignSegment'; Object = @(Get-SmsAutoSegment -ContactCount 100000 -FirstSegmentDate '2030-01-01' -FirstSegmentTime '09:00')[-1]; Id = 'seg-1000' }
        )
        $imageFile = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('campaignps-view-' + [guid]::NewGuid().ToString('N') + '.png')
        [System.IO.File]::WriteAllBytes($imageFile, [byte[]](0x89, 0x50, 0x4E, 0x47))
        $upload = Publish-LoopsImage -Path $imageFile
        Remove-Item -LiteralPath $imageFile
        $cases += @{ Type = 'LoopsUpload'; Object = $upload; Id = $upload.EmailAssetId }
        # Outbox's uuid is the longest id a CampaignMetric carries.
        $outboxMetric = New-OutboxCampaign -Name $longName -SenderIdentityId $sender.Id -TimeZone 'Europe/Berlin' | Get-CampaignMetric
        $cases += @{ Type = 'CampaignMetric'; Object = $outboxMetric; Id = $outboxMetric.CampaignId }
        foreach ($case in $cases) {
            if ($null -eq $case.Id) { $case.Id = [string]$case.Object.Id }
        }
    }

    It 'shows the whole <Type> id in a line no wider than 80' -ForEach @(
        @{ Type = 'LoopsCampaign' }, @{ Type = 'LoopsEmailMessage' }, @{ Type = 'SmartleadCampaign' },
        @{ Type = 'OutboxSender' }, @{ Type = 'OutboxCampaign' }, @{ Type = 'SmsCampaign' },
        @{ Type = 'LoopsCampaignMetric' }, @{ Type = 'LoopsEmailPreviewResult' }, @{ Type = 'SmsCampaignSegment' }, @{ Type = 'LoopsUpload' },
        @{ Type = 'CampaignMetric' }
    ) {
        $case = $cases | Where-Object { $_.Type -eq $Type }
        $lines = Get-ConsoleLine -InputObject $case.Object

        $case.Id | Should -Not -BeNullOrEmpty
        ($lines | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 80
        $lines[0] | Should -Match 'Id\b'
        @($lines | Where-Object { $_.Contains($case.Id) }).Count | Should -Be 1 -Because "the $Type table must show the id $($case.Id) uncut"
    }
}

Describe 'The readiness finding view at 80 columns' {
    BeforeAll {
        Reset-TestSandbox
    }

    It 'groups the findings by campaign and shows Severity, Check, Message and Fix in lines no wider than 80' {
        $campaign = New-SmartleadCampaign -Name 'A campaign name that is much longer than any column is wide'
        $findings = @($campaign | Test-SmartleadCampaign)
        $lines = Get-ConsoleLine -InputObject $findings

        $findings.Count | Should -BeGreaterThan 0
        ($lines | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 80
        @($lines | Where-Object { $_ -match "Readiness of: Smartlead campaign $($campaign.Id)\b" }).Count | Should -Be 1
        @($lines | Where-Object { $_ -match '^Severity\s+Check\s+Message\s+Fix' }).Count | Should -Be 1
        foreach ($finding in $findings) {
            # The check code is never cut, and the message and fix wrap at spaces, so every cmdlet the fix names is whole on a line.
            @($lines | Where-Object { $_ -match ('^{0}\s+{1}\s' -f $finding.Severity, $finding.Check) }).Count | Should -Be 1
            foreach ($command in @([regex]::Matches($finding.Fix, '\b[A-Z][a-z]+-Smartlead\w+') | ForEach-Object Value)) {
                @($lines | Where-Object { $_.Contains($command) }).Count | Should -BeGreaterThan 0 -Because "the fix names $command"
            }
        }
    }
}

Describe 'Guardian findings at 80 columns' {
    BeforeAll {
        $checked = New-LoopsCampaign -Name 'Guardian view'
        $checked | Set-LoopsEmailMessage -Lmx '<Paragraph>Hi {firstName} {favouriteColour}</Paragraph><Button>Buy</Button>' -Force
        $findings = @($checked | Test-LoopsEmailMessage)
    }

    It 'shows severity, rule and title of every finding in lines no wider than 80' {
        $findings.Count | Should -BeGreaterOrEqual 3
        $lines = Get-ConsoleLine -InputObject $findings
        ($lines | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 80
        $lines[0] | Should -Match '^Severity\s+Rule\s+Title'
        @($lines | Where-Object { $_ -match 'missingFallbackContactProperties' }).Count | Should -Be 1
    }
}

Describe 'Get-Help syntax' {
    It 'shows every parameter set of <Name>' -ForEach @(
        @{ Name = 'Set-LoopsCampaign' }, @{ Name = 'Set-LoopsEmailMessage' }, @{ Name = 'Get-LoopsCampaign' }, @{ Name = 'New-SmsCampaign' },
        @{ Name = 'Connect-SmsPlatform' }
    ) {
        $sets = @((Get-Command -Name $Name).ParameterSets)
        $syntax = @((Get-Help -Name $Name).syntax.syntaxItem)

        $syntax.Count | Should -Be $sets.Count
        # The default set (the most common form) comes first, as Get-Command shows it.
        $default = @($sets | Where-Object IsDefault) + @($sets) | Select-Object -First 1
        $firstForm = @($syntax[0].parameter | ForEach-Object { $_.name })
        # Hidden parameters (DontShow, such as the -InputObject that keeps a bulk cmdlet's input row) stay out of help.
        $defaultNames = @($default.Parameters | Where-Object { -not @($_.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow }) } | ForEach-Object { $_.Name } | Where-Object { $_ -notin [System.Management.Automation.PSCmdlet]::CommonParameters })
        foreach ($parameter in $defaultNames) {
            $firstForm | Should -Contain $parameter
        }
    }
}

Describe 'Plain ids on the pipeline' {
    BeforeAll {
        Reset-TestSandbox
        $loopsCampaign = New-LoopsCampaign -Name 'Piped by id'
        $smartleadCampaign = New-SmartleadCampaign -Name 'Piped by id'
        $smsCampaign = New-SmsCampaign -Name 'Piped by id' -Message 'Hi' -ExistingContactId '665f1a0c0e0a4b001a2c9f01'
    }

    It 'binds a plain id string to Get-LoopsCampaign, Get-LoopsEmailMessage, Get-SmartleadCampaign and Get-SmsCampaign' {
        ($loopsCampaign.Id | Get-LoopsCampaign).Name | Should -Be 'Piped by id'
        ($loopsCampaign.EmailMessageId | Get-LoopsEmailMessage).EmailMessageId | Should -Be $loopsCampaign.EmailMessageId
        ($smartleadCampaign.Id | Get-SmartleadCampaign).Name | Should -Be 'Piped by id'
        ([string]$smartleadCampaign.Id | Get-SmartleadCampaign).Name | Should -Be 'Piped by id'
        ($smsCampaign.Id | Get-SmsCampaign).Name | Should -Be 'Piped by id'
    }

    It 'binds several ids, one campaign each, and still binds objects by property name' {
        $second = New-LoopsCampaign -Name 'Second'

        @(@($loopsCampaign.Id, $second.Id) | Get-LoopsCampaign).Name -join ',' | Should -Be 'Piped by id,Second'
        @($loopsCampaign, $second | Get-LoopsCampaign).Name -join ',' | Should -Be 'Piped by id,Second'
        @([pscustomobject]@{ CampaignId = $second.Id } | Get-LoopsCampaign).Name | Should -Be 'Second'
    }
}
