using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Validation;

namespace SocialWatch.Functions.Api;

/// <summary>
/// problem+json (RFC 9457) for every client error, always with an <c>errors</c> object keyed by the JSON path of the field at
/// fault (or the header's name, or <c>$</c> for the body as a whole).
/// </summary>
public static class Problems
{
    public static ProblemHttpResult Of(int status, string title, IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal))
        {
            Status = status,
            Title = title,
            Detail = string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")),
        });

    public static ProblemHttpResult Of(int status, string title, string field, string message) =>
        Of(status, title, ValidationErrors.Single(field, message));

    public static ProblemHttpResult Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        Of(StatusCodes.Status400BadRequest, "The request is not valid.", errors);
}
