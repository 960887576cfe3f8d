using Microsoft.Azure.Functions.Worker;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>GET /api/openapi.json (anonymous): the OpenAPI 3.1 description of this API, made from the HTTP functions' declarations.</summary>
public sealed class GetOpenApiDocument(ApiDocument document)
{
    [Function(nameof(GetOpenApiDocument))]
    [CalledBy(ApiCaller.Anyone)]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request,
        CancellationToken cancellationToken) =>
        TypedResults.Text(await document.JsonAsync(cancellationToken), ApiDocument.MediaType);
}
