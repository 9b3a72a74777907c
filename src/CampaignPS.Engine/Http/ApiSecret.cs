using System.Globalization;
using System.Runtime.InteropServices;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;

namespace CampaignPS.Engine.Http;

/// <summary>
/// An API key or token. It can only be read inside the engine, where it is put on the wire;
/// <see cref="ToString"/> and every public member keep it hidden so that it cannot reach
/// PowerShell output, logs or exception text by accident. A key is printable ASCII without white
/// space (surrounding white space, such as the line break of a file, is trimmed): anything else
/// could inject a header or be mangled on its way to the server, so it is refused when the key is made.
/// </summary>
public sealed class ApiSecret
{
    private const string Mask = "********";
    private readonly string _value;
    private readonly Lazy<Regex> _anySpelling;

    private ApiSecret(string value)
    {
        _value = value;
        _anySpelling = new Lazy<Regex>(() => SpellingsOf(value));
    }

    /// <summary>Wraps a plain-text key (C# callers, environment variables).</summary>
    /// <exception cref="ArgumentException">The key is null, empty or white space.</exception>
    /// <exception cref="InvalidApiSecretException">The key holds a control character, white space or a non-ASCII character.</exception>
    public static ApiSecret FromString(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("The API key is empty. Pass a key, or set the platform's API key environment variable.", nameof(value));
        }

        string key = value.Trim();
        Check(key);
        return new ApiSecret(key);
    }

    /// <summary>Wraps a key held as a SecureString (PowerShell's -ApiKey, Get-Secret, PSCredential).</summary>
    /// <exception cref="ArgumentException">The key is empty.</exception>
    /// <exception cref="InvalidApiSecretException">The key holds a control character, white space or a non-ASCII character.</exception>
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

    /// <summary>
    /// Wraps a password for a sign-in (PSCredential.Password). It travels in a JSON body, never in a header, so
    /// unlike a key it may hold spaces and any character; it is kept exactly as given (not trimmed).
    /// </summary>
    /// <exception cref="ArgumentException">The password is empty.</exception>
    public static ApiSecret PasswordFromSecureString(SecureString value)
    {
        if (value is null || value.Length == 0)
        {
            throw new ArgumentException("The password is empty. Give the sign-in password in the credential.", nameof(value));
        }

        IntPtr pointer = IntPtr.Zero;
        try
        {
            pointer = Marshal.SecureStringToGlobalAllocUnicode(value);
            return new ApiSecret(Marshal.PtrToStringUni(pointer) ?? string.Empty);
        }
        finally
        {
            if (pointer != IntPtr.Zero)
            {
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }
    }

    /// <summary>Wraps a password given as text (C# callers); kept exactly as given.</summary>
    /// <exception cref="ArgumentException">The password is empty.</exception>
    public static ApiSecret PasswordFromString(string value) =>
        string.IsNullOrEmpty(value) ? throw new ArgumentException("The password is empty.", nameof(value)) : new ApiSecret(value);

    /// <summary>Reads a key from an environment variable, or returns null when it is not set.</summary>
    /// <exception cref="InvalidApiSecretException">The variable holds a control character, white space or a non-ASCII character.</exception>
    public static ApiSecret? FromEnvironment(string variableName)
    {
        string? value = Environment.GetEnvironmentVariable(variableName);
        return string.IsNullOrWhiteSpace(value) ? null : FromString(value!);
    }

    internal string Reveal() => _value;

    /// <summary>
    /// Replaces every occurrence of the secret in <paramref name="text"/> with a mask, in whatever spelling a
    /// server may echo it: as it is, %-encoded (either case, whole or in part), JSON \u-escaped (either case),
    /// or with a '+' read back as a space.
    /// </summary>
    internal string ScrubFrom(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        string scrubbed = text.Replace(_value, Mask);
        return scrubbed.IndexOf('%') < 0 && scrubbed.IndexOf('\\') < 0 && scrubbed.IndexOf(' ') < 0
            ? scrubbed
            : _anySpelling.Value.Replace(scrubbed, Mask);
    }

    /// <summary>Always the mask, never the key.</summary>
    public override string ToString() => Mask;

    private static void Check(string key)
    {
        for (int i = 0; i < key.Length; i++)
        {
            char c = key[i];
            if (c < ' ' || c == '\u007F')
            {
                throw new InvalidApiSecretException("contains a line break or another control character");
            }

            if (char.IsWhiteSpace(c))
            {
                throw new InvalidApiSecretException("contains white space");
            }

            if (c > '\u007E')
            {
                throw new InvalidApiSecretException("contains a character outside printable ASCII (an accented letter, a typographic quote or a similar character copied with it)");
            }
        }
    }

    // Each character of the key, as itself or as any escape of it; the key is printable ASCII (see Check).
    private static Regex SpellingsOf(string key)
    {
        var pattern = new StringBuilder();
        foreach (char c in key)
        {
            string hex = ((int)c).ToString("X2", CultureInfo.InvariantCulture);
            string anyCaseHex = string.Concat(hex.Select(h => char.IsLetter(h) ? $"[{h}{char.ToLowerInvariant(h)}]" : h.ToString()));
            pattern.Append("(?:").Append(Regex.Escape(c.ToString()))
                .Append("|%").Append(anyCaseHex)
                .Append(@"|\\[uU]00").Append(anyCaseHex);
            if (c == '+')
            {
                pattern.Append("| ");
            }

            pattern.Append(')');
        }

        return new Regex(pattern.ToString(), RegexOptions.CultureInvariant);
    }
}

/// <summary>A key or token that cannot be one: it holds a control character, white space or a non-ASCII character.</summary>
public sealed class InvalidApiSecretException : ArgumentException
{
    /// <summary>Creates the exception; <paramref name="problem"/> says what is wrong without showing the key.</summary>
    public InvalidApiSecretException(string problem)
        : base("The API key " + problem + ".")
    {
        Problem = problem;
    }

    /// <summary>What is wrong with the key (never the key), e.g. "contains white space".</summary>
    public string Problem { get; }
}
