using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Impulse.Tool.Templates;

/// <summary>
/// Turns an app's manifest (<c>impulse.manifest/2</c>) into an AWS SAM template: one <c>AWS::Serverless::Function</c>
/// per function with its events, policies and declared invoke permissions. The same manifest and options always
/// give the same text.
/// </summary>
public static partial class SamTemplate
{
    /// <summary>The manifest schema this builder reads.</summary>
    public const string ManifestSchema = "impulse.manifest/2";

    private const string HttpApiStem = "HttpApi";

    private static readonly JsonSerializerOptions Output = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        // The template is a file for people and tools, not HTML: keep '+', '<' and quotes readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Builds the SAM template for the app that <paramref name="manifest"/> describes.</summary>
    /// <param name="manifest">The app's manifest, as <c>describe</c> prints it.</param>
    /// <param name="options">Where the code is and whether to publish an alias.</param>
    /// <returns>The template as indented JSON.</returns>
    /// <exception cref="SamTemplateException">The manifest or the options hold something AWS would not accept; the message names it.</exception>
    public static string Build(JsonElement manifest, SamTemplateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        CheckOptions(options);

        var root = ManifestNode.Root(manifest);
        var schema = root.RequiredString("schema");
        if (schema != ManifestSchema)
            throw new SamTemplateException($"The manifest's schema is '{schema}'; templates are built from '{ManifestSchema}'. Rebuild the app with a matching Impulse generator.");

        var functions = root.RequiredArray("functions").Items().Select(FunctionSpec.Read).ToList();
        var duplicate = functions.GroupBy(f => f.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new SamTemplateException($"The manifest names function '{duplicate.Key}' more than once.");
        functions.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));

        var ids = new LogicalIds();
        string? httpApiId = null;
        if (functions.Any(f => f.Triggers.Any(t => t.Source == "http")))
        {
            httpApiId = ids.Allocate(HttpApiStem, "the app's HTTP API");
            ids.Reserve(httpApiId + "ApiGatewayDefaultStage", "the HTTP API's stage");
        }

        // Function ids first, so a function's id never depends on the ids of buckets or permissions.
        var functionIds = functions.ToDictionary(f => f.Name, f => ids.Allocate(LogicalIds.Pascal(f.Name) + "Function", f.Name), StringComparer.Ordinal);
        var eventNames = functions.ToDictionary(f => f.Name, f => EventNames(f, functionIds[f.Name], ids, options.AutoPublishAlias), StringComparer.Ordinal);

        var parts = new TemplateParts(ids, httpApiId);
        var resources = new JsonObject();
        if (httpApiId is not null)
            resources[httpApiId] = HttpApi(functions);
        foreach (var function in functions)
        {
            var id = functionIds[function.Name];
            resources[id] = FunctionResource.Build(function, eventNames[function.Name], parts, options);
            InvokePermissions.Add(function, id, resources, parts, options.AutoPublishAlias);
        }
        parts.MoveBucketsTo(resources);

        var template = new JsonObject
        {
            ["AWSTemplateFormatVersion"] = "2010-09-09",
            ["Transform"] = "AWS::Serverless-2016-10-31",
        };
        if (options.Description is not null)
            template["Description"] = options.Description;
        if (parts.Parameters.Count > 0)
            template["Parameters"] = parts.Parameters;
        template["Resources"] = resources;
        if (httpApiId is not null)
        {
            template["Outputs"] = new JsonObject
            {
                ["HttpApiUrl"] = new JsonObject
                {
                    ["Description"] = "The base URL of the app's HTTP routes.",
                    ["Value"] = new JsonObject { ["Fn::Sub"] = $"https://${{{httpApiId}}}.execute-api.${{AWS::Region}}.${{AWS::URLSuffix}}/" },
                },
            };
        }
        return template.ToJsonString(Output) + "\n";
    }

    /// <summary>
    /// The event names of one function (<c>Http</c>, <c>Queue</c>, <c>Queue2</c>), after reserving every id SAM
    /// derives from them and from the function, so none of ours can take one.
    /// </summary>
    private static List<string> EventNames(FunctionSpec function, string functionId, LogicalIds ids, string? alias)
    {
        var owner = $"function '{function.Name}'";
        ids.Reserve(functionId + "Role", owner);
        if (alias is not null)
            ids.Reserve(functionId + "Alias" + alias, owner);

        var names = new List<string>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var trigger in function.Triggers)
        {
            var count = counts[trigger.Source] = counts.GetValueOrDefault(trigger.Source) + 1;
            var name = LogicalIds.Pascal(trigger.Source) + (count > 1 ? count.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
            names.Add(name);
            ids.Reserve(functionId + name, owner);
            ids.Reserve(functionId + name + "Permission", owner);
        }
        return names;
    }

    private static JsonObject HttpApi(List<FunctionSpec> functions)
    {
        var properties = new JsonObject();
        // Routes may only name AWS_IAM when the API enables it; routes without it stay open.
        if (functions.Any(f => f.Triggers.Any(t => t.Source == "http" && t.Settings.OptionalBool("iamAuth"))))
            properties["Auth"] = new JsonObject { ["EnableIamAuthorizer"] = true };
        return new JsonObject { ["Type"] = "AWS::Serverless::HttpApi", ["Properties"] = properties };
    }

    private static void CheckOptions(SamTemplateOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.CodeUri))
            throw new SamTemplateException("The template needs a CodeUri: the deployment package's path or s3:// URI.");
        if (options.AutoPublishAlias is { } alias && (alias.Length > 128 || !AliasPattern().IsMatch(alias)))
            throw new SamTemplateException($"'{alias}' is not an alias name for AutoPublishAlias: use 1–128 letters and digits, not only digits.");
    }

    // SAM builds logical ids from the alias name, so it must be alphanumeric, and Lambda rejects all-digit aliases.
    [GeneratedRegex("^(?![0-9]+$)[A-Za-z0-9]+$")]
    private static partial Regex AliasPattern();
}
