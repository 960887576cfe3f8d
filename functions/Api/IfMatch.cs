using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using SocialWatch.Storage;

namespace SocialWatch.Functions.Api;

/// <summary>Endpoint metadata: the endpoint reads If-Match (for the OpenAPI description).</summary>
public sealed record IfMatchHeader;

/// <summary>The If-Match precondition of a PUT or DELETE, bound from the header; a malformed header becomes a 400 problem.</summary>
public sealed class IfMatch : IBindableFromHttpContext<IfMatch>, IEndpointParameterMetadataProvider
{
    private IfMatch(VersionCondition condition, ProblemHttpResult? problem)
    {
        Condition = condition;
        Problem = problem;
    }

    public VersionCondition Condition { get; }

    /// <summary>Set when the header is malformed: return it instead of going on.</summary>
    public ProblemHttpResult? Problem { get; }

    public static ValueTask<IfMatch?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult<IfMatch?>(ETags.TryParseIfMatch(context.Request.Headers.IfMatch, out var condition, out var error)
            ? new IfMatch(condition, null)
            : new IfMatch(condition, Problems.Of(StatusCodes.Status400BadRequest, "The If-Match header is not valid.", Outcome.VersionField, error!)));

    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder)
    {
        builder.Metadata.Add(new IfMatchHeader());
        Problems.Describe(builder, StatusCodes.Status400BadRequest, StatusCodes.Status412PreconditionFailed);
    }
}
