namespace CampaignPS.Infrastructure;

/// <summary>What the cmdlets that take a file path (-LmxPath, images, -Journal, definitions, exports) share about it.</summary>
internal static class ProviderPaths
{
    /// <summary>
    /// True for what resolving or opening a path PowerShell or the file system cannot use throws: an unknown drive or
    /// provider, an item that is not there, a character no file name may hold. Such a path is the user's to correct,
    /// reported as a named error against it, never a crash.
    /// </summary>
    public static bool IsUnusable(Exception exception) =>
        exception is ArgumentException || exception is NotSupportedException || exception is ItemNotFoundException || exception is ProviderNotFoundException
        || exception is System.Management.Automation.DriveNotFoundException || exception is System.IO.DriveNotFoundException;
}
