using System.Collections;
using System.Globalization;
using System.Text.Json.Serialization;

namespace CampaignPS.Engine.Smartlead;

/// <summary>
/// One A/B version of a sequence step: its own subject and body, and the share of the step's leads that get it.
/// Get-SmartleadSequence writes them in each step's Variants, and Set-SmartleadSequence takes them back.
/// </summary>
public sealed class SmartleadSequenceVariant
{
    /// <summary>The variant's id on the server (kept when the step goes back to the campaign it was read from).</summary>
    public long? Id { get; set; }

    /// <summary>The variant's label, e.g. A or B (given in order when left out).</summary>
    public string? Label { get; set; }

    /// <summary>Subject line; empty uses the step's subject.</summary>
    public string? Subject { get; set; }

    /// <summary>Body, HTML or plain text.</summary>
    public string? Body { get; set; }

    /// <summary>Share of the step's leads that get this version, 0 to 100; give it for every variant (summing to 100) or for none (an even split).</summary>
    public int? Distribution { get; set; }

    /// <summary>Reads a variant from a hashtable's or object's fields: Label, Subject, Body (or EmailBody), Distribution (or Percentage) and Id.</summary>
    /// <exception cref="Validation.InputValidationException">An unknown key, or a number that is not one.</exception>
    public static SmartleadSequenceVariant FromFields(IEnumerable<KeyValuePair<string, object?>> fields, int step, int position)
    {
        var variant = new SmartleadSequenceVariant();
        string where = $"Step {step} variant {position}";
        foreach (KeyValuePair<string, object?> field in fields ?? Enumerable.Empty<KeyValuePair<string, object?>>())
        {
            string text = Convert.ToString(field.Value, CultureInfo.InvariantCulture) ?? string.Empty;
            switch (FieldNames.Normalize(field.Key ?? string.Empty))
            {
                case "label":
                case "variantlabel":
                case "variantid":
                case "variantname":
                    variant.Label = text;
                    break;
                case "subject":
                    variant.Subject = text;
                    break;
                case "body":
                case "emailbody":
                    variant.Body = text;
                    break;
                case "distribution":
                case "percentage":
                case "variantdistribution":
                case "variantdistributionpercentage":
                    variant.Distribution = text.Length == 0 ? (int?)null : Whole(text, where, "Distribution");
                    break;
                case "id":
                    variant.Id = text.Length == 0 ? (long?)null : Whole(text, where, "Id");
                    break;
                default:
                    throw SmartleadRules.Instance.Fail("Step", $"{where} has an unknown key '{field.Key}'. Use Label, Subject, Body and Distribution.");
            }
        }

        return variant;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Label}: {Subject} ({Distribution}%)";

    private static int Whole(string text, string where, string field) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw SmartleadRules.Instance.Fail("Step", $"{where} has {field} '{text}', which is not a whole number.");
}

/// <summary>The rules and wire shape of a step's variants, and which ids a saved sequence keeps.</summary>
internal static class SmartleadVariantRules
{
    /// <summary>Reads the variants given under a step's Variants key: typed variants, or field lists the module read from hashtables or objects.</summary>
    public static SmartleadSequenceVariant[] FromValue(object? value, int step)
    {
        if (value == null || value is string { Length: 0 })
        {
            return Array.Empty<SmartleadSequenceVariant>();
        }

        var items = value is IEnumerable list and not string && value is not IEnumerable<KeyValuePair<string, object?>> ? list.Cast<object?>() : new[] { value };
        var variants = new List<SmartleadSequenceVariant>();
        foreach (object? item in items)
        {
            variants.Add(item switch
            {
                SmartleadSequenceVariant typed => typed,
                IEnumerable<KeyValuePair<string, object?>> fields => SmartleadSequenceVariant.FromFields(fields, step, variants.Count + 1),
                _ => throw SmartleadRules.Instance.Fail("Step", $"Step {step} variant {variants.Count + 1} is not a variant. Give hashtables such as @{{ Label = 'B'; Subject = 'Other subject'; Body = 'Other text'; Distribution = 50 }}."),
            });
        }

        return variants.ToArray();
    }

    /// <summary>
    /// Checks a step's variants and gives their wire bodies (seq_variants): a body on each, unique labels (A, B, ... when
    /// left out), and distributions of 0 to 100 given for all of them and summing to 100, or for none.
    /// </summary>
    public static IReadOnlyList<VariantBody>? Bodies(SmartleadSequenceStep step, int number)
    {
        IReadOnlyList<SmartleadSequenceVariant> variants = step.Variants ?? Array.Empty<SmartleadSequenceVariant>();
        if (variants.Count == 0)
        {
            return null;
        }

        var rules = SmartleadRules.Instance;
        var labels = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var bodies = new List<VariantBody>(variants.Count);
        for (int i = 0; i < variants.Count; i++)
        {
            SmartleadSequenceVariant variant = variants[i] ?? throw rules.Fail("Step", $"Step {number} variant {i + 1} is empty.");
            string where = $"Step {number} variant {i + 1}";
            if (string.IsNullOrWhiteSpace(variant.Body))
            {
                throw rules.Fail("Step", $"{where} has no Body. Each variant needs its own email text.");
            }

            string label = string.IsNullOrWhiteSpace(variant.Label) ? DefaultLabel(i) : variant.Label!.Trim();
            if (!labels.Add(label))
            {
                throw rules.Fail("Step", $"{where} repeats the label '{label}'. Give each variant of a step its own label (A, B, ...).");
            }

            if (variant.Distribution is < 0 or > 100)
            {
                throw rules.Fail("Step", $"{where} has Distribution {variant.Distribution}. Use 0 to 100 (percent of the step's leads).");
            }

            bodies.Add(new VariantBody
            {
                VariantId = label,
                Subject = string.IsNullOrWhiteSpace(variant.Subject) ? step.Subject ?? string.Empty : variant.Subject,
                EmailBody = variant.Body,
                Distribution = variant.Distribution,
            });
        }

        int given = variants.Count(v => v.Distribution.HasValue);
        if (given != 0 && given != variants.Count)
        {
            throw rules.Fail("Step", $"Step {number} gives a Distribution for {given} of its {variants.Count} variants. Give it for every variant, or for none to split evenly.");
        }

        int sum = variants.Sum(v => v.Distribution ?? 0);
        if (given != 0 && sum != 100)
        {
            throw rules.Fail("Step", $"Step {number}'s variant distributions add up to {sum}%. Make them add up to 100.");
        }

        return bodies;
    }

    /// <summary>
    /// Steps and variants read from this campaign keep their ids, so the server updates them in place (and their statistics
    /// stay with them); those read from another campaign are sent as new, which is what copying a sequence means.
    /// </summary>
    public static void KeepIds(IReadOnlyList<SequenceBody> bodies, IReadOnlyList<SmartleadSequenceStep> steps, long campaignId)
    {
        for (int i = 0; i < bodies.Count && i < steps.Count; i++)
        {
            if (steps[i].CampaignId != campaignId)
            {
                continue;
            }

            bodies[i].Id = steps[i].Id;
            IReadOnlyList<SmartleadSequenceVariant> variants = steps[i].Variants ?? Array.Empty<SmartleadSequenceVariant>();
            for (int j = 0; j < (bodies[i].SeqVariants?.Count ?? 0) && j < variants.Count; j++)
            {
                bodies[i].SeqVariants![j].Id = variants[j].Id;
            }
        }
    }

    private static string DefaultLabel(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : "V" + (index + 1).ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// A variant on the wire. Written as the docs site's sequences guide shows it (core/sequences.mdx: variant_id, subject,
/// email_body, distribution) inside seq_variants (update-sequences.mdx); read also with the get-sequences page's
/// variant_name and the other guides' variant_label, variant_distribution and variant_distribution_percentage.
/// </summary>
internal sealed class VariantBody
{
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    [JsonPropertyName("variant_id")]
    public string? VariantId { get; set; }

    [JsonPropertyName("variant_label")]
    public string? VariantLabel { get; set; }

    [JsonPropertyName("variant_name")]
    public string? VariantName { get; set; }

    [JsonPropertyName("subject")]
    public string? Subject { get; set; }

    [JsonPropertyName("email_body")]
    public string? EmailBody { get; set; }

    [JsonPropertyName("distribution")]
    public int? Distribution { get; set; }

    [JsonPropertyName("variant_distribution")]
    public int? VariantDistribution { get; set; }

    [JsonPropertyName("variant_distribution_percentage")]
    public int? VariantDistributionPercentage { get; set; }

    public SmartleadSequenceVariant ToModel() => new SmartleadSequenceVariant
    {
        Id = Id,
        Label = VariantId ?? VariantLabel ?? VariantName,
        Subject = Subject,
        Body = EmailBody,
        Distribution = Distribution ?? VariantDistribution ?? VariantDistributionPercentage,
    };
}
