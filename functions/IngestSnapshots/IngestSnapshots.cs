using Microsoft.Azure.Functions.Worker;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SocialWatch.Engagement;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>
/// POST /api/businesses/{businessId}/snapshots: one snapshot or an array of them (application/json), or a CSV upload
/// (text/csv, columns in docs/engagement.md). All are checked first; any error refuses the whole request and nothing is
/// queued. Otherwise 202 with the ids of the snapshots queued for scoring.
/// </summary>
public sealed class IngestSnapshots(SnapshotIngest ingest, IOptions<ScoringOptions> options)
{
    [Function(nameof(IngestSnapshots))]
    [CalledBy(ApiCaller.TenantWrite)]
    public async Task<Results<Accepted<IngestReceipt>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "businesses/{businessId}/snapshots")] HttpRequest request,
        string businessId,
        CancellationToken cancellationToken)
    {
        var maxBytes = checked((int)options.Value.MaxUploadBytes);
        Outcome<IngestReceipt> outcome;
        if (SnapshotBody.IsCsv(request.ContentType))
        {
            var (csv, tooLarge) = await JsonRequest.ReadCappedAsync(request, maxBytes, cancellationToken);
            if (tooLarge is not null)
            {
                return tooLarge;
            }

            using var upload = new MemoryStream(csv!, writable: false);
            outcome = await ingest.IngestCsvAsync(businessId, upload, cancellationToken);
        }
        else
        {
            var (inputs, asBatch, problem) = await SnapshotBody.ReadJsonAsync(request, maxBytes, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }

            outcome = await ingest.IngestAsync(businessId, inputs!, asBatch, cancellationToken);
        }

        return outcome.Succeeded ? TypedResults.Accepted((string?)null, outcome.Value) : ApiResults.Problem(outcome);
    }
}
