using Microsoft.AspNetCore.OpenApi;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using SocialWatch.Access;

namespace SocialWatch.Functions.Api;

/// <summary>The OpenAPI description of the API (served by the GetOpenApiDocument function).</summary>
public static class ApiDocument
{
    public const string Name = "v1";
    private const string SchemeName = "apiKey";
    private const string LinkSchemeName = "signInLink";

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "SocialWatch API",
                Version = Name,
                Description = "Businesses, their social media plans, profiles and API keys. Every call but health, this document, the widget script and "
                    + $"the dashboard's files needs a key in the {ApiKeyMiddleware.ApiKeyHeader} header (or Authorization: Bearer); reads of one business also accept the signed link of an alert email "
                    + $"(Authorization: {ApiKeyMiddleware.LinkScheme} <token>). Errors are problem+json "
                    + "with an `errors` object keyed by the JSON path of the field at fault. GET of one resource returns an ETag; PUT and DELETE honour "
                    + "If-Match (412 when stale). Browsers on a business's allowedOrigins may GET its resources (CORS, key in the header).",
            };

            // OPTIONS is in some function.json files only so that the Functions host forwards CORS preflights: not an operation.
            foreach (var path in document.Paths.Values)
            {
                path.Operations?.Remove(HttpMethod.Options);
            }

            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyMiddleware.ApiKeyHeader,
                Description = "The admin key (configuration SocialWatch:Api:AdminKey) or a business's key (swk.{businessId}.{keyId}.{secret}).",
            };
            document.Components.SecuritySchemes[LinkSchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = ApiKeyMiddleware.LinkScheme,
                Description = "The token of a dashboard sign-in link from an alert email (the #link= fragment of its address): "
                    + "swl.{purpose}.{businessId}.{expiresAt}.{keyId}.{HMAC-SHA256}. Read-only, for its own business, until it expires; "
                    + "a refused token answers 401 saying why (malformed, altered, retired key, expired, other purpose, other business).",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<AccessRule>().FirstOrDefault() is { } rule)
            {
                // Alternatives: a key, or (for reads of one business) a sign-in link.
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] });
                if (rule is { Tenant: true, Write: false, AdminOnly: false })
                {
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(LinkSchemeName, context.Document)] = [] });
                }
            }

            if (metadata.OfType<IfMatchHeader>().Any())
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = HeaderNames.IfMatch,
                    In = ParameterLocation.Header,
                    Description = "The ETag of the version this change was based on (412 when it changed since), or * (it must exist).",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }

            if (metadata.OfType<JsonBodyType>().FirstOrDefault() is { } body)
            {
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        [JsonRequest.MediaType] = new() { Schema = await context.GetOrCreateSchemaAsync(body.Type, null, cancellationToken) },
                    },
                };
            }
        });
    }
}
