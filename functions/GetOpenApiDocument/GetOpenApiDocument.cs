using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>GET /api/openapi.json (anonymous): the OpenAPI 3.1 description of this API.</summary>
public static class GetOpenApiDocument
{
    public const string Name = nameof(GetOpenApiDocument);

    public static async Task<IResult> Handle([FromKeyedServices(ApiDocument.Name)] IOpenApiDocumentProvider documents, CancellationToken cancellationToken)
    {
        var document = await documents.GetOpenApiDocumentAsync(cancellationToken);
        var json = await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, cancellationToken);
        return TypedResults.Text(json, "application/json");
    }
}
