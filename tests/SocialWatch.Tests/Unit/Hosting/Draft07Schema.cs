using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Unit.Hosting;

/// <summary>
/// Loads SchemaStore's Functions schemas for validation with draft-07 semantics. function.schema.json declares draft-04 but uses
/// <c>const</c>, and NJsonSchema ignores <c>const</c> (RicoSuter/NJsonSchema#1857): a branch guarded by <c>const</c> then matches
/// anything and turns valid files into <c>oneOf</c> failures. Draft 06 defines <c>const</c> as an <c>enum</c> of that one value,
/// so each <c>const</c> is rewritten to that <c>enum</c>, which NJsonSchema enforces.
/// </summary>
public static class Draft07Schema
{
    private const string Draft07 = "http://json-schema.org/draft-07/schema#";

    // Keywords whose value is a map from names to subschemas: the map's own keys are names, not keywords.
    private static readonly HashSet<string> SchemaMaps = ["properties", "definitions", "patternProperties", "dependencies"];

    // Keywords whose value is data, never a schema.
    private static readonly HashSet<string> DataKeywords = ["enum", "const", "default", "examples"];

    public static string SchemaPath(string fileName) => RepositoryRoot.Combine("tests", "SocialWatch.Tests", "Schemas", fileName);

    public static async Task<JsonSchema> LoadAsync(string fileName)
    {
        var path = SchemaPath(fileName);
        var root = JsonNode.Parse(await File.ReadAllTextAsync(path))!.AsObject();
        root["$schema"] = Draft07;
        RewriteConst(root);
        return await JsonSchema.FromJsonAsync(root.ToJsonString(), path);
    }

    /// <summary>Every error, nested ones (under oneOf, anyOf...) included, one per line: a failing test shows why.</summary>
    public static string Describe(IEnumerable<ValidationError> errors) =>
        string.Join(Environment.NewLine, AllErrors(errors).Select(e => $"{e.Path}: {e.Kind}"));

    /// <summary>The errors and, depth first, those nested under the schemas of oneOf, anyOf and allOf.</summary>
    public static IEnumerable<ValidationError> AllErrors(IEnumerable<ValidationError> errors) => errors.SelectMany(Flatten);

    private static IEnumerable<ValidationError> Flatten(ValidationError error) =>
        error is ChildSchemaValidationError child
            ? child.Errors.Values.SelectMany(nested => nested).SelectMany(Flatten).Prepend(error)
            : [error];

    private static void RewriteConst(JsonNode? schema)
    {
        switch (schema)
        {
            case JsonObject keywords:
                if (keywords.TryGetPropertyValue("const", out var value))
                {
                    if (keywords.ContainsKey("enum"))
                    {
                        throw new NotSupportedException("A schema with both 'const' and 'enum' needs their intersection; none is expected here.");
                    }

                    keywords.Remove("const");
                    keywords["enum"] = new JsonArray(value);
                }

                foreach (var (keyword, child) in keywords.ToArray())
                {
                    if (SchemaMaps.Contains(keyword) && child is JsonObject map)
                    {
                        foreach (var (_, subschema) in map)
                        {
                            RewriteConst(subschema);
                        }
                    }
                    else if (!DataKeywords.Contains(keyword))
                    {
                        RewriteConst(child);
                    }
                }

                break;
            case JsonArray subschemas:
                foreach (var subschema in subschemas)
                {
                    RewriteConst(subschema);
                }

                break;
        }
    }
}
