using CampaignPS.Engine.Sms;

namespace CampaignPS.Cmdlets.Sms;

/// <summary>How the SMS cmdlets read a contact from a pipeline record.</summary>
internal static class SmsContactRecords
{
    /// <summary>
    /// The fields of a contact record. Contacts written by Test-SmsCampaignContact are read by their fields
    /// (and _id), not by their .NET properties (Row, Fields, Source), which Tether does not know.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, object?>> Fields(object item)
    {
        if (PowerShellRecords.Unwrap(item) is SmsContact contact)
        {
            var fields = contact.Fields.Select(f => new KeyValuePair<string, object?>(f.Key, f.Value)).ToList();
            if (contact.Id != null)
            {
                fields.Add(new KeyValuePair<string, object?>("_id", contact.Id));
            }

            return fields;
        }

        return PowerShellRecords.Fields(item);
    }
}
