using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using SocialWatch.Engagement;

namespace SocialWatch.Functions.Api;

/// <summary>The body of a snapshot ingest: a CSV upload, or JSON holding one snapshot or an array of them.</summary>
public static class SnapshotBody
{
    public const string CsvMediaType = "text/csv";

    public static bool IsCsv(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media) && media.MediaType.Equals(CsvMediaType, StringComparison.OrdinalIgnoreCase);

    /// <summary>The snapshots sent, and whether they came as an array (errors are then keyed <c>[i].field</c>).</summary>
    public static async Task<(IReadOnlyList<SnapshotInput?>? Inputs, bool AsBatch, ProblemHttpResult? Problem)> ReadJsonAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonRequest.ReadBytesAsync(request, maxBytes, cancellationToken);
        if (body is null)
        {
            return (null, false, problem);
        }

        // The syntax is checked: the first byte that is not white space opens the array or the object.
        if (body.SkipWhile(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF).FirstOrDefault() == (byte)'[')
        {
            var (many, manyProblem) = JsonRequest.Parse<SnapshotInput?[]>(body);
            return (many, true, manyProblem);
        }

        var (one, oneProblem) = JsonRequest.Parse<SnapshotInput>(body);
        return (one is null ? null : [one], false, oneProblem);
    }
}
