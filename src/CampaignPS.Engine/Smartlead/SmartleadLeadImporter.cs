namespace CampaignPS.Engine.Smartlead;

/// <summary>
/// Streams leads into one campaign in batches of at most 400 (the API's limit), holding only the
/// batch being filled, and sums the API's counts over the run. A batch that fails after retries
/// comes back with its leads, so the caller can report exactly which leads were not added.
/// </summary>
public sealed class SmartleadLeadImporter
{
    private readonly SmartleadClient _client;
    private readonly SmartleadLeadSettings _settings;
    private readonly int _batchSize;
    private List<SmartleadLead> _pending;

    internal SmartleadLeadImporter(SmartleadClient client, long campaignId, SmartleadLeadSettings settings, int batchSize)
    {
        _client = client;
        _settings = settings;
        _batchSize = batchSize;
        _pending = new List<SmartleadLead>(batchSize);
        Result = new SmartleadLeadImportResult { CampaignId = campaignId };
    }

    /// <summary>The running totals.</summary>
    public SmartleadLeadImportResult Result { get; }

    /// <summary>True when a full batch is waiting to be sent.</summary>
    public bool BatchIsFull => _pending.Count >= _batchSize;

    /// <summary>Leads waiting to be sent.</summary>
    public int PendingCount => _pending.Count;

    /// <summary>Queues a lead; send the batch with <see cref="SendPendingAsync"/> once <see cref="BatchIsFull"/>.</summary>
    public void Add(SmartleadLead lead)
    {
        if (BatchIsFull)
        {
            throw new InvalidOperationException("The batch is full: send it before adding more leads.");
        }

        Result.Received++;
        _pending.Add(lead ?? throw new ArgumentNullException(nameof(lead)));
    }

    /// <summary>Counts a record that was refused before sending (it is not queued).</summary>
    public void CountRejected()
    {
        Result.Received++;
        Result.Rejected++;
    }

    /// <summary>Sends the waiting leads as one request; returns what happened to them (nothing when none were waiting).</summary>
    public async Task<SmartleadLeadBatchOutcome?> SendPendingAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<SmartleadLead>? batch = TakeBatch();
        return batch == null ? null : await SendAsync(batch, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Takes the waiting leads as a batch to send with <see cref="SendAsync"/> (null when none are waiting).</summary>
    public IReadOnlyList<SmartleadLead>? TakeBatch()
    {
        if (_pending.Count == 0)
        {
            return null;
        }

        List<SmartleadLead> batch = _pending;
        _pending = new List<SmartleadLead>(_batchSize);
        return batch;
    }

    /// <summary>Sends one batch; safe to call for several batches at once (the totals are kept under a lock).</summary>
    public async Task<SmartleadLeadBatchOutcome> SendAsync(IReadOnlyList<SmartleadLead> batch, CancellationToken cancellationToken)
    {
        try
        {
            SmartleadLeadBatchResult result = await _client.AddLeadBatchAsync(Result.CampaignId, batch, _settings, cancellationToken).ConfigureAwait(false);
            lock (Result)
            {
                Result.Add(result);
            }

            return new SmartleadLeadBatchOutcome(batch, result, null);
        }
        catch (CampaignApiException failure)
        {
            lock (Result)
            {
                // Counted as sent: the requests went out (or were refused before leaving), and these leads were not added.
                Result.AddFailed(batch.Count, Math.Max(1, failure.Failure.Attempts));
            }

            return new SmartleadLeadBatchOutcome(batch, null, failure);
        }
    }
}

/// <summary>What happened to one batch: the API's counts, or the failure and the leads that were therefore not added.</summary>
public sealed class SmartleadLeadBatchOutcome
{
    internal SmartleadLeadBatchOutcome(IReadOnlyList<SmartleadLead> leads, SmartleadLeadBatchResult? result, CampaignApiException? failure)
    {
        Leads = leads;
        Result = result;
        Failure = failure;
    }

    /// <summary>The leads in the batch.</summary>
    public IReadOnlyList<SmartleadLead> Leads { get; }

    /// <summary>The API's counts, when the batch succeeded.</summary>
    public SmartleadLeadBatchResult? Result { get; }

    /// <summary>Why the batch failed after retries, when it did.</summary>
    public CampaignApiException? Failure { get; }
}
