using System.Runtime.InteropServices;
using System.Security;

namespace CampaignPS.Engine.Http;

/// <summary>
/// An API key or token. It can only be read inside the engine, where it is put on the wire;
/// <see cref="ToString"/> and every public member keep it hidden so that it cannot reach
/// PowerShell output, logs or exception text by accident.
/// </summary>
public sealed class ApiSecret
{
    private const string Mask = "********";
    private readonly string _value;

    private ApiSecret(string value) => _value = value;

    /// <summary>Wraps a plain-text key (C# callers, environment variables).</summary>
    /// <exception cref="ArgumentException">The key is null, empty or white space.</exception>
    public static ApiSecret FromString(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("The API key is empty. Pass a key, or set the platform's API key environment variable.", nameof(value));
        }

        return new ApiSecret(value.Trim());
    }

    /// <summary>Wraps a key held as a SecureString (PowerShell's -ApiKey, Get-Secret, PSCredential).</summary>
    public static ApiSecret FromSecureString(SecureString value)
    {
        if (value is null || value.Length == 0)
        {
            throw new ArgumentException("The API key is empty. Pass a key, or set the platform's API key environment variable.", nameof(value));
        }

        IntPtr pointer = IntPtr.Zero;
        try
        {
            pointer = Marshal.SecureStringToGlobalAllocUnicode(value);
            return FromString(Marshal.PtrToStringUni(pointer) ?? string.Empty);
        }
        finally
        {
            if (pointer != IntPtr.Zero)
            {
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }
    }

    /// <summary>Reads a key from an environment variable, or returns null when it is not set.</summary>
    public static ApiSecret? FromEnvironment(string variableName)
    {
        string? value = Environment.GetEnvironmentVariable(variableName);
        return string.IsNullOrWhiteSpace(value) ? null : new ApiSecret(value!.Trim());
    }

    internal string Reveal() => _value;

    /// <summary>Replaces every occurrence of the secret in <paramref name="text"/> with a mask.</summary>
    internal string ScrubFrom(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        string scrubbed = text.Replace(_value, Mask);
        string escaped = Uri.EscapeDataString(_value);
        return escaped == _value ? scrubbed : scrubbed.Replace(escaped, Mask);
    }

    /// <summary>Always the mask, never the key.</summary>
    public override string ToString() => Mask;
}
