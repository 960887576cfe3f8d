using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using SocialWatch.Access;

namespace SocialWatch.Functions.Api;

/// <summary>
/// A JSON request body bound strictly (see <see cref="JsonRequest"/>): either the value, or the problem to answer with
/// (415, 413 or 400 naming the field at fault). Its metadata documents the body type for OpenAPI.
/// </summary>
/// <summary>Endpoint metadata: the type of the JSON body, for the OpenAPI description.</summary>
public sealed record JsonBodyType(Type Type);

public sealed class JsonBody<T> : IBindableFromHttpContext<JsonBody<T>>, IEndpointParameterMetadataProvider
    where T : class
{
    private JsonBody(T? value, ProblemHttpResult? problem)
    {
        Value = value;
        Problem = problem;
    }

    /// <summary>Set when <see cref="Problem"/> is null.</summary>
    public T? Value { get; }

    public ProblemHttpResult? Problem { get; }

    static async ValueTask<JsonBody<T>?> IBindableFromHttpContext<JsonBody<T>>.BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var limit = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.MaxRequestBodyBytes;
        var (value, problem) = await JsonRequest.ReadAsync<T>(context.Request, limit, context.RequestAborted);
        return new JsonBody<T>(value, problem);
    }

    static void IEndpointParameterMetadataProvider.PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder)
    {
        // Not AcceptsMetadata: routing would then refuse other media types itself, before the key check and without our errors.
        builder.Metadata.Add(new JsonBodyType(typeof(T)));
        Problems.Describe(builder, StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
    }
}
