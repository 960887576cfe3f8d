using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SocialWatch.Access;

namespace SocialWatch.Functions.Api;

/// <summary>
/// A JSON request body read strictly (see <see cref="JsonRequest"/>): either the value, or the problem to answer with
/// (415, 413 or 400 naming the field at fault). A function that reads one declares it with <see cref="JsonBodyAttribute"/>.
/// </summary>
public sealed class JsonBody<T>
    where T : class
{
    internal JsonBody(T? value, ProblemHttpResult? problem)
    {
        Value = value;
        Problem = problem;
    }

    /// <summary>Set when <see cref="Problem"/> is null.</summary>
    public T? Value { get; }

    public ProblemHttpResult? Problem { get; }
}

public static class JsonBody
{
    /// <summary>Reads the request's body as a <typeparamref name="T"/>, within the API's body size cap.</summary>
    public static async Task<JsonBody<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        var limit = request.HttpContext.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.MaxRequestBodyBytes;
        var (value, problem) = await JsonRequest.ReadAsync<T>(request, limit, cancellationToken);
        return new JsonBody<T>(value, problem);
    }
}
