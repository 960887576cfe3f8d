using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SocialWatch.Access;

namespace SocialWatch.Functions.Api;

/// <summary>
/// The OpenAPI 3.1 description of the API, served by the GetOpenApiDocument function: Microsoft.AspNetCore.OpenApi's
/// document of the HTTP functions as <see cref="HttpFunctionApiDescriptions"/> describes them (schemas from the app's JSON
/// options, as components), with the key schemes. Built once, at the first call: the functions do not change while the
/// worker runs.
/// </summary>
public sealed class ApiDocument(IOpenApiDocumentProvider documents)
{
    public const string Name = "v1";
    public const string MediaType = "application/json";
    private const string SchemeName = "apiKey";
    private const string LinkSchemeName = "signInLink";

    private readonly Lazy<Task<string>> json = new(async () =>
    {
        var document = await documents.GetOpenApiDocumentAsync(CancellationToken.None);
        return await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, CancellationToken.None);
    });

    /// <summary>The document as JSON.</summary>
    public Task<string> JsonAsync(CancellationToken cancellationToken) => json.Value.WaitAsync(cancellationToken);

    public static void Configure(OpenApiOptions options)
    {
        options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
        // The HTTP functions only: nothing else in the worker is an operation of this API.
        options.ShouldInclude = description => description.ActionDescriptor.EndpointMetadata.OfType<HttpFunction>().Any();
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "SocialWatch API",
                Version = Name,
                Description = "Businesses, their social media plans, profiles and API keys. Every call but health, this document, the widget script and "
                    + $"the dashboard's files needs a key in the {ApiKeys.ApiKeyHeader} header (or Authorization: Bearer); reads of one business also accept the signed link of an alert email "
                    + $"(Authorization: {ApiKeys.LinkScheme} <token>). Errors are problem+json "
                    + "with an `errors` object keyed by the JSON path of the field at fault. GET of one resource returns an ETag; PUT and DELETE honour "
                    + "If-Match (412 when stale). Browsers on a business's allowedOrigins may GET its resources (CORS, key in the header).",
            };

            // Paths are absolute (they carry the route prefix): the worker's own address is no place to call the API at.
            document.Servers = null;
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeys.ApiKeyHeader,
                Description = "The admin key (configuration SocialWatch:Api:AdminKey) or a business's key (swk.{businessId}.{keyId}.{secret}).",
            };
            document.Components.SecuritySchemes[LinkSchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = ApiKeys.LinkScheme,
                Description = "The token of a dashboard sign-in link from an alert email (the #link= fragment of its address): "
                    + "swl.{purpose}.{businessId}.{expiresAt}.{keyId}.{HMAC-SHA256}. Read-only, for its own business, until it expires; "
                    + "a refused token answers 401 saying why (malformed, altered, retired key, expired, other purpose, other business).",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<HttpFunction>().FirstOrDefault() is not { } function)
            {
                return Task.CompletedTask;
            }

            if (HttpFunctionApiDescriptions.Rule(function) is { } rule)
            {
                // Alternatives: a key, or (for reads of one business) a sign-in link.
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] });
                if (rule is { Tenant: true, Write: false, AdminOnly: false })
                {
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(LinkSchemeName, context.Document)] = [] });
                }
            }

            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                parameter.Description ??= parameter.In switch
                {
                    ParameterLocation.Query => metadata.OfType<QueryAttribute>().FirstOrDefault(q => q.Name == parameter.Name)?.Description,
                    ParameterLocation.Header when parameter.Name == Microsoft.Net.Http.Headers.HeaderNames.IfMatch =>
                        "The ETag of the version this change was based on (412 when it changed since), or * (it must exist).",
                    _ => null,
                };
            }

            return Task.CompletedTask;
        });
    }
}
