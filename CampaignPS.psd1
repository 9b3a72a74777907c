@{
    # The one place the module version is written: Directory.Build.props reads it for the assemblies.
    ModuleVersion        = '0.1.0'
    # One manifest, two builds, chosen by edition as the PowerShell Gallery's "Modules with compatible PowerShell
    # Editions" page shows (RootModule = if ($PSEdition -eq 'Core') ...). PowerShell 7.4+ first imports the loader,
    # which sends the module's dependencies to CampaignPS's own AssemblyLoadContext, then the cmdlets; Windows
    # PowerShell 5.1 imports its build directly. No script runs on import. (Import-PowerShellDataFile cannot read a
    # manifest with conditions; Test-ModuleManifest and Import-Module can.)
    RootModule           = if ($PSEdition -eq 'Core') { 'net8.0/CampaignPS.dll' } else { 'netstandard2.0/CampaignPS.dll' }
    NestedModules        = if ($PSEdition -eq 'Core') { @('net8.0/CampaignPS.Loader.dll') } else { @() }
    GUID                 = '02f5e245-5246-4a5b-b136-afd0a42fe6f4'
    Author               = 'CampaignPS contributors'
    CompanyName          = 'CampaignPS'
    Copyright            = '(c) CampaignPS contributors. MIT License.'
    Description          = 'Create, configure and launch outreach campaigns on Loops, Smartlead, Outbox and Tether SMS from PowerShell, with typed pipeline objects, safe retries and a local sandbox.'
    PowerShellVersion    = if ($PSEdition -eq 'Core') { '7.4' } else { '5.1' }
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'

    CmdletsToExport      = @(
        'Connect-Loops'
        'Disconnect-Loops'
        'Get-LoopsAudienceSegment'
        'Get-LoopsCampaign'
        'Get-LoopsCampaignGroup'
        'Get-LoopsEmailMessage'
        'Get-LoopsMailingList'
        'New-LoopsCampaign'
        'New-LoopsCampaignGroup'
        'Set-LoopsCampaign'
        'Test-LoopsCampaign'
        'Set-LoopsEmailMessage'
        'Get-LoopsCampaignMetric'
        'Test-LoopsEmailMessage'
        'Send-LoopsEmailMessagePreview'
        'Publish-LoopsImage'
        'New-LoopsAudienceSegment'
        'Set-LoopsCampaignGroup'
        'Export-LoopsCampaign'
        'Sync-LoopsCampaign'
        'Connect-Smartlead'
        'Disconnect-Smartlead'
        'New-SmartleadCampaign'
        'Get-SmartleadCampaign'
        'Remove-SmartleadCampaign'
        'Set-SmartleadSequence'
        'Add-SmartleadEmailAccount'
        'Add-SmartleadLead'
        'Set-SmartleadSchedule'
        'Set-SmartleadSetting'
        'Start-SmartleadCampaign'
        'Test-SmartleadCampaign'
        'Suspend-SmartleadCampaign'
        'Stop-SmartleadCampaign'
        'Get-SmartleadSequence'
        'Get-SmartleadEmailAccount'
        'Remove-SmartleadEmailAccount'
        'Get-SmartleadLead'
        'Suspend-SmartleadLead'
        'Resume-SmartleadLead'
        'Remove-SmartleadLead'
        'Unregister-SmartleadLead'
        'Set-SmartleadLeadCategory'
        'Get-SmartleadLeadCategory'
        'Get-SmartleadCampaignStatistic'
        'Get-SmartleadCampaignAnalytics'
        'Get-SmartleadAnalytics'
        'Get-SmartleadWebhook'
        'New-SmartleadWebhook'
        'Set-SmartleadWebhook'
        'Remove-SmartleadWebhook'
        'Set-SmartleadWarmup'
        'Get-SmartleadWarmupStatistic'
        'Suspend-SmartleadEmailAccount'
        'Resume-SmartleadEmailAccount'
        'Export-SmartleadCampaign'
        'Sync-SmartleadCampaign'
        'Connect-Outbox'
        'Disconnect-Outbox'
        'New-OutboxCampaign'
        'New-OutboxSender'
        'Add-OutboxContact'
        'Connect-SmsPlatform'
        'Disconnect-SmsPlatform'
        'New-SmsCampaign'
        'Get-SmsCampaign'
        'Test-SmsCampaignContact'
        'Send-SmsCampaign'
        'Test-SmsCampaign'
        'Stop-SmsCampaign'
        'Set-SmsCampaign'
        'Remove-SmsCampaign'
        'Get-SmsAutoSegment'
        'Get-CampaignConnection'
        'Get-CampaignMetric'
        'Invoke-LoopsRequest'
        'Invoke-SmartleadRequest'
        'Invoke-OutboxRequest'
        'Invoke-SmsRequest'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    FormatsToProcess     = @('CampaignPS.Format.ps1xml')

    PrivateData          = @{
        PSData = @{
            Tags         = @('Campaign', 'Email', 'Outreach', 'Loops', 'Smartlead', 'Outbox', 'SMS', 'Tether', 'Marketing', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/campaignps/CampaignPS'
            LicenseUri   = 'https://github.com/campaignps/CampaignPS/blob/main/LICENSE'
            ReleaseNotes = '0.1.0: Loops (campaigns, email messages, lists, segments, groups), Smartlead (the whole campaign workflow, leads in batches of 400; after launch: statistics and analytics, leads, read-back, A/B variants, webhooks, mailbox health), Outbox (campaigns, senders, contacts) and Tether SMS (campaigns, send, cancel, change, delete, auto-segment; sign-in for runbooks with the token renewed as it expires); Loops before and after sending (Guardian checks, previews, image uploads, metrics, cleared lists and segments); bulk runs that keep the providers'' rate limits busy with no flags (in flight sized by latency, pace learned from the server); offline help, formatting, tab completion, proxies, Invoke-*Request; beyond the APIs: readiness checks (Test-SmartleadCampaign, Test-LoopsCampaign, Test-SmsCampaign, run by the launch cmdlets unless -Force), campaigns as code (Export-/Sync-SmartleadCampaign and Export-/Sync-LoopsCampaign: a JSON definition, -WhatIf prints the plan), resumable bulk runs (-Journal), one metrics shape for all four platforms (Get-CampaignMetric); a local sandbox for all of it.'
        }
    }
}
