using Microsoft.Azure.Functions.Worker;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>GET /api/openapi.json (anonymous): the OpenAPI 3.1 description of this API.</summary>
public sealed class GetOpenApiDocument([FromKeyedServices(ApiDocument.Name)] IOpenApiDocumentProvider documents)
{
    [Function(nameof(GetOpenApiDocument))]
    [CalledBy(ApiCaller.Anyone)]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var document = await documents.GetOpenApiDocumentAsync(cancellationToken);
        var json = await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, cancellationToken);
        return TypedResults.Text(json, "application/json");
    }
}
