using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Formatters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Net.Http.Headers;
using SocialWatch.Access;

namespace SocialWatch.Functions.Api;

/// <summary>
/// Describes every HTTP function of the catalog to the API explorer, from its own declarations, so that
/// Microsoft.AspNetCore.OpenApi builds the document (schemas, components, operations) as it does for endpoints: the worker
/// has no endpoints to describe. Route and methods come from [HttpTrigger] (OPTIONS, declared only so that hosts forward
/// CORS preflights, is no operation; a function marked [Undocumented] is none either); the body from [JsonBody]; If-Match from [IfMatch]; queries from [Query]; success
/// responses from the return type's result types (each describes itself, as for a minimal API); problems from the key rule,
/// the body and the precondition; and any other response from [ProducesResponseType] on the method (a 409, say).
/// </summary>
public sealed class HttpFunctionApiDescriptions(HttpFunctionCatalog catalog) : IApiDescriptionProvider
{
    public const string ProblemMediaType = "application/problem+json";

    private static readonly EmptyModelMetadataProvider ModelMetadata = new();

    private static readonly MethodInfo PopulateMetadataMethod =
        typeof(HttpFunctionApiDescriptions).GetMethod(nameof(PopulateMetadata), BindingFlags.NonPublic | BindingFlags.Static)!;

    // The only provider in the worker (see AddSocialWatchApi): it has no endpoints or controllers to describe.
    public int Order => -2000;

    public void OnProvidersExecuting(ApiDescriptionProviderContext context)
    {
        foreach (var function in catalog.Functions.Where(IsDocumented).OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            foreach (var method in function.Methods.Where(m => !HttpMethods.IsOptions(m)))
            {
                context.Results.Add(Describe(function, method));
            }
        }
    }

    public void OnProvidersExecuted(ApiDescriptionProviderContext context)
    {
    }

    /// <summary>The problems an HTTP function may answer with, by status, as its declarations say.</summary>
    private static SortedSet<int> ProblemStatuses(HttpFunction function)
    {
        var statuses = new SortedSet<int>();
        if (function.Method.IsDefined(typeof(JsonBodyAttribute)))
        {
            statuses.UnionWith([StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType]);
        }

        if (function.Method.IsDefined(typeof(IfMatchAttribute)))
        {
            statuses.UnionWith([StatusCodes.Status400BadRequest, StatusCodes.Status412PreconditionFailed]);
        }

        if (Rule(function) is { } rule)
        {
            // As ApiKeys answers: no or a bad key, a key without the right, and (for one business) another business or none.
            statuses.UnionWith([StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden]);
            if (rule.Tenant)
            {
                statuses.Add(StatusCodes.Status404NotFound);
            }
        }

        return statuses;
    }

    /// <summary>Whether the function is an operation of the API: every one but a fallback marked [Undocumented].</summary>
    public static bool IsDocumented(HttpFunction function) => !function.Method.IsDefined(typeof(UndocumentedAttribute));

    /// <summary>The key rule <see cref="ApiKeys"/> applies to the function (admin-only when it declares none); null for anyone.</summary>
    public static AccessRule? Rule(HttpFunction function) =>
        function.Caller == ApiCaller.Anyone ? null : function.Access?.Rule ?? AccessRule.Admin;

    private ApiDescription Describe(HttpFunction function, string method)
    {
        var route = RoutePatternFactory.Parse(function.Route);
        var path = string.IsNullOrEmpty(catalog.RoutePrefix) ? function.Route : $"{catalog.RoutePrefix}/{function.Route}";
        var attributes = function.Method.GetCustomAttributes().ToList();
        var description = new ApiDescription
        {
            HttpMethod = method,
            RelativePath = path,
            ActionDescriptor = new ActionDescriptor
            {
                DisplayName = function.Name,
                AttributeRouteInfo = new AttributeRouteInfo { Name = function.Name, Template = path },
                EndpointMetadata = [function, function.Method, new EndpointNameMetadata(function.Name), new HttpMethodMetadata(function.Methods), new TagsAttribute(Tag(route)), .. attributes],
            },
        };

        foreach (var parameter in route.Parameters)
        {
            description.ParameterDescriptions.Add(new ApiParameterDescription
            {
                Name = parameter.Name,
                Source = BindingSource.Path,
                Type = typeof(string),
                ModelMetadata = ModelMetadata.GetMetadataForType(typeof(string)),
                IsRequired = true,
                RouteInfo = new ApiParameterRouteInfo { IsOptional = parameter.IsOptional },
            });
        }

        foreach (var query in attributes.OfType<QueryAttribute>())
        {
            description.ParameterDescriptions.Add(new ApiParameterDescription
            {
                Name = query.Name,
                Source = BindingSource.Query,
                Type = typeof(string),
                ModelMetadata = ModelMetadata.GetMetadataForType(typeof(string)),
                IsRequired = query.Required,
            });
        }

        if (attributes.OfType<IfMatchAttribute>().Any())
        {
            description.ParameterDescriptions.Add(new ApiParameterDescription
            {
                Name = HeaderNames.IfMatch,
                Source = BindingSource.Header,
                Type = typeof(string),
                ModelMetadata = ModelMetadata.GetMetadataForType(typeof(string)),
            });
        }

        if (attributes.OfType<JsonBodyAttribute>().FirstOrDefault() is { } body)
        {
            description.ParameterDescriptions.Add(new ApiParameterDescription
            {
                Name = "body",
                Source = BindingSource.Body,
                Type = body.Type,
                ModelMetadata = ModelMetadata.GetMetadataForType(body.Type),
                IsRequired = true,
            });
            description.SupportedRequestFormats.Add(new ApiRequestFormat { MediaType = JsonRequest.MediaType });
        }

        foreach (var response in Responses(function))
        {
            description.SupportedResponseTypes.Add(response);
        }

        return description;
    }

    /// <summary>Operations are grouped by the resource they act on: the first part of the route within one business, else of the route.</summary>
    private static string Tag(RoutePattern route)
    {
        var literals = route.PathSegments
            .Select(segment => segment.IsSimple && segment.Parts[0] is RoutePatternLiteralPart literal ? literal.Content : null)
            .ToList();
        return literals is ["businesses", null, { } resource, ..] ? resource : literals.FirstOrDefault() ?? route.RawText ?? "api";
    }

    private static IEnumerable<ApiResponseType> Responses(HttpFunction function)
    {
        var declared = SuccessResponses(function.Method)
            .Concat(DeclaredResponses(function.Method))
            .Concat(ProblemStatuses(function).Select(status => new ProducesResponseTypeMetadata(status, typeof(HttpValidationProblemDetails), [ProblemMediaType])))
            .GroupBy(metadata => metadata.StatusCode)
            .OrderBy(group => group.Key)
            .Select(group => group.First())
            .ToList();
        if (!declared.Any(metadata => metadata.StatusCode is >= 200 and < 300))
        {
            // A plain IResult says nothing of its success: an answer, as the API explorer assumes for a minimal API.
            declared.Insert(0, new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(void), []));
        }

        return declared.Select(metadata =>
        {
            var type = metadata.Type is null || metadata.Type == typeof(void) ? typeof(void) : metadata.Type;
            var response = new ApiResponseType { StatusCode = metadata.StatusCode, Type = type, Description = metadata.Description };
            if (type != typeof(void))
            {
                foreach (var mediaType in metadata.ContentTypes.DefaultIfEmpty(JsonRequest.MediaType))
                {
                    response.ApiResponseFormats.Add(new ApiResponseFormat { MediaType = mediaType });
                }
            }

            return response;
        });
    }

    /// <summary>The responses the method declares with [ProducesResponseType], as MVC's API explorer reads them.</summary>
    private static IEnumerable<IProducesResponseTypeMetadata> DeclaredResponses(MethodInfo method)
    {
        foreach (var declared in method.GetCustomAttributes().OfType<IApiResponseMetadataProvider>())
        {
            var contentTypes = new MediaTypeCollection();
            declared.SetContentTypes(contentTypes);
            yield return new ProducesResponseTypeMetadata(declared.StatusCode, declared.Type ?? typeof(void), [.. contentTypes]);
        }
    }

    /// <summary>What the return type's results say of themselves (as the framework asks them for a minimal API's endpoint).</summary>
    private static IEnumerable<IProducesResponseTypeMetadata> SuccessResponses(MethodInfo method)
    {
        var type = method.ReturnType;
        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            type = type.GetGenericArguments()[0];
        }

        if (!typeof(IEndpointMetadataProvider).IsAssignableFrom(type))
        {
            return [];
        }

        var builder = new RouteEndpointBuilder(null, RoutePatternFactory.Parse("/"), 0);
        PopulateMetadataMethod.MakeGenericMethod(type).Invoke(null, [method, builder]);
        return builder.Metadata.OfType<IProducesResponseTypeMetadata>();
    }

    private static void PopulateMetadata<TResult>(MethodInfo method, EndpointBuilder builder)
        where TResult : IEndpointMetadataProvider => TResult.PopulateMetadata(method, builder);
}
