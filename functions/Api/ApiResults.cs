using System.Reflection;
using Microsoft.AspNetCore.Builder;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using SocialWatch.Storage;

namespace SocialWatch.Functions.Api;

/// <summary>Maps a service's <see cref="Outcome{T}"/> to the HTTP response: the value with its ETag, or a problem.</summary>
public static class ApiResults
{
    public static Results<VersionedOk<T>, ProblemHttpResult> Read<T>(Outcome<T> outcome)
    {
        if (!outcome.Succeeded)
        {
            return Problem(outcome);
        }

        return new VersionedOk<T>(outcome.Value!, outcome.Version);
    }

    public static Results<VersionedCreated<T>, ProblemHttpResult> Create<T>(Outcome<T> outcome, Func<T, string?> location)
    {
        if (!outcome.Succeeded)
        {
            return Problem(outcome);
        }

        return new VersionedCreated<T>(outcome.Value!, outcome.Version, location(outcome.Value!));
    }

    /// <summary>201 with Location when the write created the resource, 200 when it replaced it.</summary>
    public static Results<VersionedOk<T>, VersionedCreated<T>, ProblemHttpResult> Write<T>(Outcome<T> outcome, Func<T, string?> location)
    {
        return outcome.Status switch
        {
            OutcomeStatus.Created => new VersionedCreated<T>(outcome.Value!, outcome.Version, location(outcome.Value!)),
            OutcomeStatus.Ok => new VersionedOk<T>(outcome.Value!, outcome.Version),
            _ => Problem(outcome),
        };
    }

    public static Results<NoContent, ProblemHttpResult> Remove(Outcome<Removed> outcome)
    {
        if (!outcome.Succeeded)
        {
            return Problem(outcome);
        }

        return TypedResults.NoContent();
    }

    public static ProblemHttpResult Problem<T>(Outcome<T> outcome) => outcome.Status switch
    {
        OutcomeStatus.Invalid => Problems.Invalid(outcome.Errors),
        OutcomeStatus.NotFound => Problems.Of(StatusCodes.Status404NotFound, "Not found.", outcome.Errors),
        OutcomeStatus.VersionMismatch => Problems.Of(StatusCodes.Status412PreconditionFailed, "The resource changed: the precondition failed.", outcome.Errors),
        OutcomeStatus.Conflict => Problems.Of(StatusCodes.Status409Conflict, "Conflict.", outcome.Errors),
        _ => throw new InvalidOperationException($"A {outcome.Status} outcome is not a problem."),
    };
}

/// <summary>A JSON body with its version as ETag (and a Location when created); a GET whose If-None-Match names that ETag gets 304 without the body.</summary>
public abstract class VersionedResult<T>(T value, string? version, string? location, int statusCode) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>
{
    public T Value => value;

    public int StatusCode => statusCode;

    int? IStatusCodeHttpResult.StatusCode => statusCode;

    object? IValueHttpResult.Value => value;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        if (version is not null)
        {
            httpContext.Response.Headers.ETag = ETags.Format(version);
            // The client's copy is current: no body to read, serialise or send.
            if (statusCode == StatusCodes.Status200OK && HttpMethods.IsGet(httpContext.Request.Method) && ETags.IfNoneMatchHits(httpContext.Request.Headers.IfNoneMatch, version))
            {
                httpContext.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }

        if (location is not null)
        {
            httpContext.Response.Headers.Location = location;
        }

        httpContext.Response.StatusCode = statusCode;
        var json = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        await httpContext.Response.WriteAsJsonAsync(value, json, httpContext.RequestAborted);
    }

    /// <summary>The response it gives, for the OpenAPI document (as the framework's own results describe theirs).</summary>
    protected static void Describe(EndpointBuilder builder, int status) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(T), [JsonRequest.MediaType]));
}

public sealed class VersionedOk<T>(T value, string? version) : VersionedResult<T>(value, version, null, StatusCodes.Status200OK), IEndpointMetadataProvider
{
    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(builder, StatusCodes.Status200OK);
}

public sealed class VersionedCreated<T>(T value, string? version, string? location) : VersionedResult<T>(value, version, location, StatusCodes.Status201Created), IEndpointMetadataProvider
{
    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(builder, StatusCodes.Status201Created);
}
