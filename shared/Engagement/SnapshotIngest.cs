using SocialWatch.Profiles;
using SocialWatch.Validation;

namespace SocialWatch.Engagement;

/// <summary>What an accepted ingest answers: the ids of the snapshots queued for scoring.</summary>
public sealed record IngestReceipt(int Count, IReadOnlyList<string> SnapshotIds);

/// <summary>
/// Takes snapshots from a client (JSON or a CSV upload), checks every one against the business's profiles, and queues
/// them for scoring: all of them, or none when any is wrong (nothing is stored or queued then).
/// </summary>
public sealed class SnapshotIngest(IProfileStore profiles, SnapshotValidator validator, SnapshotCsvReader csv, ISnapshotQueue queue)
{
    /// <param name="asBatch">True when the client sent an array: errors are then keyed <c>[i].field</c>, else <c>field</c>.</param>
    public async Task<Outcome<IngestReceipt>> IngestAsync(string businessId, IReadOnlyList<SnapshotInput?> inputs, bool asBatch, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (inputs.Count == 0)
        {
            errors.Add(ValidationErrors.Body, "send at least one snapshot");
            return Outcome.Invalid<IngestReceipt>(errors);
        }

        var snapshots = new List<EngagementSnapshot>(inputs.Count);
        for (var i = 0; i < inputs.Count; i++)
        {
            if (inputs[i]?.ToSnapshot(businessId, asBatch ? ValidationErrors.Item(string.Empty, i) : string.Empty, errors) is { } snapshot)
            {
                snapshots.Add(snapshot);
            }
            else if (inputs[i] is null)
            {
                errors.Add(ValidationErrors.Item(string.Empty, i), "must be a snapshot object, not null");
            }
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid<IngestReceipt>(errors);
        }

        var known = await KnownProfilesAsync(businessId, cancellationToken);
        var faults = asBatch ? validator.ValidateBatch(snapshots, known) : validator.Validate(snapshots[0], "$", known);
        foreach (var fault in faults)
        {
            errors.Add(ErrorKey(fault.Path), fault.Message);
        }

        return await QueueAsync(snapshots, errors, cancellationToken);
    }

    /// <summary>A CSV upload (already read within the size cap); problems are keyed <c>row N, column X</c>.</summary>
    public async Task<Outcome<IngestReceipt>> IngestCsvAsync(string businessId, Stream upload, CancellationToken cancellationToken)
    {
        var known = await KnownProfilesAsync(businessId, cancellationToken);
        var read = await csv.ReadAsync(upload, businessId, known, cancellationToken);
        var errors = new ValidationErrors();
        foreach (var error in read.Errors)
        {
            errors.Add(UploadErrorKey(error), error.Message);
        }

        return await QueueAsync(read.Snapshots, errors, cancellationToken);
    }

    /// <summary>Where an upload problem is: <c>row 4, column followers</c>, <c>column posts</c>, <c>row 7</c>, or <c>$</c> for the file.</summary>
    public static string UploadErrorKey(UploadError error) => error switch
    {
        { Row: null, Column: null } => ValidationErrors.Body,
        { Row: null } => $"column {error.Column}",
        { Column: null } => $"row {error.Row}",
        _ => $"row {error.Row}, column {error.Column}",
    };

    private async Task<Outcome<IngestReceipt>> QueueAsync(IReadOnlyList<EngagementSnapshot> snapshots, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (!errors.IsEmpty)
        {
            return Outcome.Invalid<IngestReceipt>(errors);
        }

        if (snapshots.Count == 0)
        {
            errors.Add(ValidationErrors.Body, "holds no snapshot");
            return Outcome.Invalid<IngestReceipt>(errors);
        }

        await queue.EnqueueAsync(snapshots, cancellationToken);
        return Outcome.Ok(new IngestReceipt(snapshots.Count, snapshots.Select(s => s.SnapshotId).ToList()));
    }

    private async Task<Dictionary<string, Network>> KnownProfilesAsync(string businessId, CancellationToken cancellationToken) =>
        (await profiles.ListAsync(businessId, cancellationToken)).ToDictionary(p => p.Value.Id, p => p.Value.Network, StringComparer.Ordinal);

    /// <summary>The validator's JSON path (<c>$.posts</c>, <c>$[3].posts</c>) as the API keys errors (<c>posts</c>, <c>[3].posts</c>).</summary>
    private static string ErrorKey(string path) =>
        path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.StartsWith('$') && path.Length > 1 ? path[1..] : ValidationErrors.Body;
}
