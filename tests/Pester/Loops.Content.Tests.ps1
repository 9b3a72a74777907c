# Loops after create (issue 15): metrics, Guardian, previews, uploads (both paths), cleared targets, message
# fields of 1.22, New-LoopsAudienceSegment and Set-LoopsCampaignGroup, against the sandbox.

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'TestHelpers.psm1') -Force
    Import-CampaignPSModule
    $sandbox = Start-TestSandbox
    $key = Get-SandboxLoopsKey
    $null = Connect-TestLoops
    $folder = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('campaignps-loops-content-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path (Join-Path -Path $folder -ChildPath 'img')
    [System.IO.File]::WriteAllBytes((Join-Path -Path $folder -ChildPath 'img/logo.png'), [byte[]](0x89, 0x50, 0x4E, 0x47, 1, 2, 3, 4))
    [System.IO.File]::WriteAllBytes((Join-Path -Path $folder -ChildPath 'photo.jpg'), [byte[]](0xFF, 0xD8, 0xFF, 1, 2, 3))
    Set-Content -LiteralPath (Join-Path -Path $folder -ChildPath 'mail.lmx') -Encoding utf8 -Value '<Paragraph>Hi {firstName}</Paragraph><Image src="img/logo.png" /><Image src="photo.jpg"/><Image src="https://example.com/x.png"/>'
    Set-Content -LiteralPath (Join-Path -Path $folder -ChildPath 'missing.lmx') -Encoding utf8 -Value '<Image src="nope.png" />'

    function New-SentCampaign {
        $campaign = New-LoopsCampaign -Name "Sent $([guid]::NewGuid().ToString('N').Substring(0, 6))" -MailingListId list_beta
        Set-LoopsCampaign -CampaignId $campaign.Id -SendNow -Force
        $campaign
    }
}

AfterAll {
    Disconnect-Loops -ErrorAction SilentlyContinue
    Stop-TestSandbox -Sandbox $sandbox
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Get-LoopsCampaignMetric' {
    BeforeAll { Reset-TestSandbox }

    It 'reads the counters of piped campaigns, consistent with what the sandbox sent' {
        $a = New-SentCampaign
        $b = New-SentCampaign
        $null = Invoke-SandboxControl -Method Post -Route "loops/campaigns/$($a.Id)/engagement" -Body @{ opens = 10; clicks = 4; softBounces = 1; spamReports = 1 }

        $metrics = @($a, $b | Get-LoopsCampaignMetric)

        $metrics.Count | Should -Be 2
        $metrics[0].GetType().FullName | Should -Be 'CampaignPS.Engine.Loops.LoopsCampaignMetric'
        $metrics[0].CampaignId | Should -Be $a.Id
        $metrics[0].Sends | Should -Be 15
        $metrics[0].Opens | Should -Be 10
        $metrics[0].Clicks | Should -Be 4
        $metrics[0].Bounces | Should -Be 1
        $metrics[0].SpamReports | Should -Be 1
        $metrics[1].Opens | Should -Be 0
    }

    It 'takes plain ids by value and reports a missing campaign as LoopsCampaignNotFound, the rest going on' {
        $a = New-SentCampaign

        $metrics = @('cmp_nope', $a.Id | Get-LoopsCampaignMetric -ErrorVariable failed -ErrorAction SilentlyContinue)

        $metrics.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'LoopsCampaignNotFound*'
        $failed[0].TargetObject | Should -Be 'cmp_nope'
    }

    It 'refuses a bad id before any request' {
        Clear-SandboxRequestLog
        { Get-LoopsCampaignMetric -CampaignId 'a/b' -ErrorAction Stop } | Should -Throw -ErrorId 'LoopsInvalidCampaignId*'
        @(Get-SandboxRequests | Where-Object platform -eq 'loops').Count | Should -Be 0
    }
}

Describe 'Test-LoopsEmailMessage (Guardian)' {
    BeforeAll { Reset-TestSandbox }

    It 'writes nothing for a clean message and True with -Quiet' {
        $campaign = New-LoopsCampaign -Name 'Clean'

        @($campaign | Test-LoopsEmailMessage).Count | Should -Be 0
        $campaign | Test-LoopsEmailMessage -Quiet | Should -BeTrue
    }

    It 'writes each finding as an object, errors first, and False with -Quiet' {
        $campaign = New-LoopsCampaign -Name 'Findings'
        $campaign | Set-LoopsEmailMessage -Lmx '<Paragraph>Hi {firstName}</Paragraph><Button>Buy now</Button>'

        $findings = @($campaign | Test-LoopsEmailMessage)

        $findings.Count | Should -Be 2
        $findings[0].GetType().FullName | Should -Be 'CampaignPS.Engine.Loops.LoopsGuardianFinding'
        "$($findings[0].Severity)" | Should -Be 'Error'
        $findings[0].Rule | Should -Be 'missingButtonHrefs'
        $findings[0].Items | Should -Be @('Buy now')
        "$($findings[1].Severity)" | Should -Be 'Warning'
        $findings[1].Rule | Should -Be 'missingFallbackContactProperties'
        $campaign | Test-LoopsEmailMessage -Quiet | Should -BeFalse
    }

    It 'reports a missing message as LoopsEmailMessageNotFound' {
        { Test-LoopsEmailMessage -EmailMessageId em_nope -ErrorAction Stop } | Should -Throw -ErrorId 'LoopsEmailMessageNotFound*'
    }
}

Describe 'Send-LoopsEmailMessagePreview (sends mail)' {
    BeforeAll { Reset-TestSandbox }

    It 'is High impact and sends the preview to the given addresses' {
        (Get-Command Send-LoopsEmailMessagePreview).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
        $campaign = New-LoopsCampaign -Name 'Preview'

        $result = $campaign | Send-LoopsEmailMessagePreview -Email 'me@example.com', 'you@example.com' -ContactProperty @{ firstName = 'Alex' } -Force

        $result.EmailMessageId | Should -Be $campaign.EmailMessageId
        $result.Emails | Should -Be @('me@example.com', 'you@example.com')
        $request = Get-SandboxRequests | Where-Object { $_.path -like '*/preview' } | Select-Object -Last 1
        ($request.body | ConvertFrom-Json).contactProperties.firstName | Should -Be 'Alex'
    }

    It 'sends nothing with -WhatIf, and refuses a bad address before any request' {
        $campaign = New-LoopsCampaign -Name 'Preview 2'
        Clear-SandboxRequestLog

        $campaign | Send-LoopsEmailMessagePreview -Email 'me@example.com' -WhatIf
        { $campaign | Send-LoopsEmailMessagePreview -Email 'not an address' -Force -ErrorAction Stop } | Should -Throw -ErrorId 'LoopsInvalidEmail*'

        @(Get-SandboxRequests | Where-Object { $_.path -like '*/preview' }).Count | Should -Be 0
    }

    It 'reports the daily preview limit (100 a day; 2 sent above) as LoopsPreviewLimitReached at once' {
        $campaign = New-LoopsCampaign -Name 'Preview 3'
        $addresses = 1..49 | ForEach-Object { "r$_@example.com" }
        $campaign | Send-LoopsEmailMessagePreview -Email $addresses -Force | Out-Null
        $campaign | Send-LoopsEmailMessagePreview -Email $addresses -Force | Out-Null

        { $campaign | Send-LoopsEmailMessagePreview -Email 'one.more@example.com' -Force -ErrorAction Stop } | Should -Throw -ErrorId 'LoopsPreviewLimitReached*'
    }
}

Describe 'Uploads' {
    BeforeAll { Reset-TestSandbox }

    It 'Publish-LoopsImage uploads piped files in the two documented steps and writes their URLs' {
        $uploads = @(Get-ChildItem -LiteralPath $folder -Recurse -Include '*.png', '*.jpg' | Sort-Object Name | Publish-LoopsImage)

        $uploads.Count | Should -Be 2
        $uploads[0].FileName | Should -Be 'logo.png'
        $uploads[0].ContentType | Should -Be 'image/png'
        $uploads[0].FinalUrl | Should -BeLike 'https://assets.loops.so/*'
        $uploads[1].ContentType | Should -Be 'image/jpeg'
        $put = @(Get-SandboxRequests | Where-Object { $_.method -eq 'PUT' })
        $put.Count | Should -Be 0 -Because 'the storage PUT is not a Loops API request (it carries no key)'
        @(Get-SandboxRequests | Where-Object { $_.path -like '*/uploads/*/complete' }).Count | Should -Be 2
    }

    It 'Set-LoopsEmailMessage -UploadImage uploads the local images of the LMX and saves their URLs' {
        $campaign = New-LoopsCampaign -Name 'Images'

        $message = $campaign | Set-LoopsEmailMessage -LmxPath (Join-Path -Path $folder -ChildPath 'mail.lmx') -UploadImage -PassThru

        $message.Lmx | Should -Not -BeLike '*img/logo.png*'
        $message.Lmx | Should -Not -BeLike '*"photo.jpg"*'
        $message.Lmx | Should -BeLike '*https://example.com/x.png*'
        ([regex]::Matches($message.Lmx, 'https://assets\.loops\.so/')).Count | Should -Be 2
    }

    It 'refuses an unsupported file and a missing image before anything is sent, and -WhatIf uploads nothing' {
        $campaign = New-LoopsCampaign -Name 'No images'
        Set-Content -LiteralPath (Join-Path -Path $folder -ChildPath 'notes.txt') -Value 'text'
        Clear-SandboxRequestLog

        { Publish-LoopsImage -Path (Join-Path -Path $folder -ChildPath 'notes.txt') -ErrorAction Stop } | Should -Throw -ErrorId 'LoopsInvalidContentType*'
        { $campaign | Set-LoopsEmailMessage -LmxPath (Join-Path -Path $folder -ChildPath 'missing.lmx') -UploadImage -ErrorAction Stop } | Should -Throw -ErrorId 'LoopsImageFileUnreadable*'
        Publish-LoopsImage -Path (Join-Path -Path $folder -ChildPath 'photo.jpg') -WhatIf

        @(Get-SandboxRequests | Where-Object platform -eq 'loops').Count | Should -Be 0
    }
}

Describe 'Set-LoopsCampaign -ClearMailingList / -ClearAudienceSegment' {
    BeforeAll { Reset-TestSandbox }

    It 'clears the list and the segment with JSON null' {
        $campaign = New-LoopsCampaign -Name 'Clear me' -MailingListId list_main -AudienceSegmentId seg_03

        $cleared = Set-LoopsCampaign -CampaignId $campaign.Id -ClearMailingList -ClearAudienceSegment -PassThru

        $cleared.MailingListId | Should -BeNullOrEmpty
        $cleared.AudienceSegmentId | Should -BeNullOrEmpty
        $body = (Get-SandboxRequests | Where-Object { $_.method -eq 'POST' -and $_.path -like "*/campaigns/$($campaign.Id)" } | Select-Object -Last 1).body
        $body | Should -BeLike '*"mailingListId":null*'
        $body | Should -BeLike '*"audienceSegmentId":null*'
    }

    It 'refuses a list and -ClearMailingList together, naming the switch, before any request' {
        Clear-SandboxRequestLog
        { Set-LoopsCampaign -CampaignId cmp_x -MailingListId list_main -ClearMailingList -ErrorAction Stop } | Should -Throw -ErrorId 'LoopsInvalidClearMailingList*'
        @(Get-SandboxRequests | Where-Object platform -eq 'loops').Count | Should -Be 0
    }

    It 'changes nothing with -WhatIf' {
        $campaign = New-LoopsCampaign -Name 'Keep me' -MailingListId list_main
        Set-LoopsCampaign -CampaignId $campaign.Id -ClearMailingList -WhatIf
        (Get-LoopsCampaign -CampaignId $campaign.Id).MailingListId | Should -Be 'list_main'
    }
}

Describe 'Set-LoopsEmailMessage: format, language and fallbacks' {
    BeforeAll { Reset-TestSandbox }

    It 'sets them and reads them back; $null deletes a fallback' {
        $campaign = New-LoopsCampaign -Name 'Fields'
        $first = $campaign | Set-LoopsEmailMessage -EmailFormat plain -LanguageCode fr -ContactPropertyFallback @{ firstName = 'there'; lastName = 'friend' } -PassThru
        $second = $first | Set-LoopsEmailMessage -ContactPropertyFallback @{ lastName = $null } -PassThru

        $first.EmailFormat | Should -Be 'plain'
        $first.LanguageCode | Should -Be 'fr'
        $first.ContactPropertiesFallbacks.Count | Should -Be 2
        $second.ContactPropertiesFallbacks.Keys | Should -Be @('firstName')
    }

    It 'refuses a language code that is not ISO 639-1' {
        { Set-LoopsEmailMessage -EmailMessageId em_x -LanguageCode english -Force -ErrorAction Stop } | Should -Throw -ErrorId 'LoopsInvalidLanguageCode*'
    }
}

Describe 'New-LoopsAudienceSegment and Set-LoopsCampaignGroup' {
    BeforeAll { Reset-TestSandbox }

    It 'creates a segment from a hashtable filter; a name in use is LoopsAudienceSegmentExists' {
        $filter = @{ match = 'all'; conditions = @(@{ property = 'source'; operator = 'equals'; value = 'web' }) }

        $segment = New-LoopsAudienceSegment -Name 'Web' -Filter $filter
        { New-LoopsAudienceSegment -Name 'Web' -Filter $filter -ErrorAction Stop } | Should -Throw -ErrorId 'LoopsAudienceSegmentExists*'

        $segment.Id | Should -BeLike 'seg_*'
        (Get-LoopsAudienceSegment -AudienceSegmentId $segment.Id).Name | Should -Be 'Web'
    }

    It 'refuses a segment without a filter condition before any request, and -WhatIf creates nothing' {
        Clear-SandboxRequestLog
        { New-LoopsAudienceSegment -Name 'Empty' -Filter '{"match":"all","conditions":[]}' -ErrorAction Stop } | Should -Throw -ErrorId 'LoopsInvalidFilter*'
        New-LoopsAudienceSegment -Name 'Later' -Filter '{"match":"all","conditions":[{"property":"a"}]}' -WhatIf
        @(Get-SandboxRequests | Where-Object platform -eq 'loops').Count | Should -Be 0
    }

    It 'renames a group with -PassThru, writes nothing without it, and refuses the Unsorted group' {
        $renamed = Set-LoopsCampaignGroup -CampaignGroupId grp_launches -Name 'Product launches' -PassThru
        $quiet = Set-LoopsCampaignGroup -CampaignGroupId grp_launches -Description 'Launches and betas'

        $renamed.Name | Should -Be 'Product launches'
        $quiet | Should -BeNullOrEmpty
        { Set-LoopsCampaignGroup -CampaignGroupId grp_unsorted -Description 'x' -ErrorAction Stop } | Should -Throw -ErrorId 'LoopsCampaignGroupReserved*'
        { Set-LoopsCampaignGroup -CampaignGroupId grp_launches -ErrorAction Stop } | Should -Throw -ErrorId 'LoopsInvalidChanges*'
    }

    It 'never writes the key to the verbose stream' {
        $records = Set-LoopsCampaignGroup -CampaignGroupId grp_launches -Description 'v' -Verbose 4>&1
        ($records | Get-StreamText) | Should -Not -BeLike "*$key*"
    }
}
