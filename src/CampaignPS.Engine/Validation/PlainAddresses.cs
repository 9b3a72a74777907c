namespace CampaignPS.Engine.Validation;

/// <summary>
/// The common e-mail address shape, checked without parsing: an RFC 5322 dot-atom local part (letters, digits and
/// !#$%&amp;'*+/=?^_`{|}~-, dots between them) of at most 64 characters, '@', and a host name of letters, digits and
/// hyphens in at least two labels of 1 to 63 characters (no hyphen at either end). Everything this accepts, MailAddress
/// accepts unchanged (a test compares them); anything else is left to MailAddress.
/// </summary>
internal static class PlainAddresses
{
    private const string AtomSpecials = "!#$%&'*+/=?^_`{|}~-";

    public static bool IsDotAtom(string value)
    {
        int at = value.IndexOf('@');
        if (at <= 0 || at > 64 || at != value.LastIndexOf('@'))
        {
            return false;
        }

        return IsDotAtomLocal(value, 0, at) && IsHostName(value, at + 1, value.Length);
    }

    private static bool IsDotAtomLocal(string value, int start, int end)
    {
        bool previousWasDot = true;
        for (int i = start; i < end; i++)
        {
            char c = value[i];
            if (c == '.')
            {
                if (previousWasDot)
                {
                    return false;
                }

                previousWasDot = true;
            }
            else if (IsAsciiLetterOrDigit(c) || AtomSpecials.IndexOf(c) >= 0)
            {
                previousWasDot = false;
            }
            else
            {
                return false;
            }
        }

        return !previousWasDot;
    }

    private static bool IsHostName(string value, int start, int end)
    {
        int labels = 0;
        int labelStart = start;
        for (int i = start; i <= end; i++)
        {
            if (i == end || value[i] == '.')
            {
                int length = i - labelStart;
                if (length < 1 || length > 63 || value[labelStart] == '-' || value[i - 1] == '-')
                {
                    return false;
                }

                labels++;
                labelStart = i + 1;
            }
            else if (!IsAsciiLetterOrDigit(value[i]) && value[i] != '-')
            {
                return false;
            }
        }

        return labels >= 2;
    }

    private static bool IsAsciiLetterOrDigit(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
