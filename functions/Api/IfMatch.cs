using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Storage;

namespace SocialWatch.Functions.Api;

/// <summary>The If-Match precondition of a PUT or DELETE, read from the header; a malformed header becomes a 400 problem.</summary>
public sealed class IfMatch
{
    private IfMatch(VersionCondition condition, ProblemHttpResult? problem)
    {
        Condition = condition;
        Problem = problem;
    }

    public VersionCondition Condition { get; }

    /// <summary>Set when the header is malformed: return it instead of going on.</summary>
    public ProblemHttpResult? Problem { get; }

    public static IfMatch Read(HttpRequest request) =>
        ETags.TryParseIfMatch(request.Headers.IfMatch, out var condition, out var error)
            ? new IfMatch(condition, null)
            : new IfMatch(condition, Problems.Of(StatusCodes.Status400BadRequest, "The If-Match header is not valid.", Outcome.VersionField, error!));
}
