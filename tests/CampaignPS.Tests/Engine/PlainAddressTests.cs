using System.Net.Mail;
using CampaignPS.Engine.Validation;
using Xunit;

namespace CampaignPS.Tests.Engine;

/// <summary>The fast check of plain addresses accepts nothing that the MailAddress check it stands in for would refuse.</summary>
public sealed class PlainAddressTests
{
    [Theory]
    [InlineData("ada@example.com", true)]
    [InlineData("Ada.Lovelace+crm@mail.example.co.uk", true)]
    [InlineData("o'brien@example.ie", true)]
    [InlineData("x@a-b.example", true)]
    [InlineData("ada@localhost", false)]
    [InlineData(".ada@example.com", false)]
    [InlineData("ada.@example.com", false)]
    [InlineData("a..b@example.com", false)]
    [InlineData("ada@-example.com", false)]
    [InlineData("ada@example-.com", false)]
    [InlineData("ada@example..com", false)]
    [InlineData("\"quoted\"@example.com", false)]
    [InlineData("ada@[127.0.0.1]", false)]
    [InlineData("åsa@example.se", false)]
    public void Plain_dot_atom_addresses_are_recognised(string address, bool plain)
    {
        Assert.Equal(plain, PlainAddresses.IsDotAtom(address));
    }

    [Fact]
    public void Everything_the_fast_check_accepts_MailAddress_accepts_unchanged()
    {
        var random = new Random(12);
        // Local parts and host names built mostly from what a plain address may hold, so many candidates pass the fast
        // check, with the characters around its edges mixed in.
        string localAlphabet = string.Concat(Enumerable.Repeat("abcXYZ019.-_+'!#$%&*/=?^`{|}~", 12)) + "\"()[]<>,;:\\ é@";
        string hostAlphabet = string.Concat(Enumerable.Repeat("abcxyz019-", 12)) + "._é@[]";
        int accepted = 0;
        for (int i = 0; i < 200_000; i++)
        {
            string candidate = Random(random, localAlphabet, 1, 12) + "@" + string.Join(".", Enumerable.Range(0, random.Next(1, 4)).Select(_ => Random(random, hostAlphabet, 0, 8)));
            if (PlainAddresses.IsDotAtom(candidate))
            {
                accepted++;
                Assert.True(MailAddressAccepts(candidate), $"'{candidate}' passes the fast check but not MailAddress");
            }
        }

        Assert.True(accepted > 1000, $"only {accepted} random candidates were plain addresses: the comparison proves little");
    }

    private static string Random(Random random, string alphabet, int min, int max) =>
        new string(Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

    // InputRules.IsEmail before the fast check: MailAddress parses it unchanged, with a dotted host.
    private static bool MailAddressAccepts(string value)
    {
        try
        {
            var address = new MailAddress(value);
            return address.Address == value && address.Host.Contains('.', StringComparison.Ordinal) && !address.Host.StartsWith('.') && !address.Host.EndsWith('.');
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
