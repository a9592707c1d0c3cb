using System;
using System.Security.Cryptography;
using System.Text;
using Impulse.Generators.Model;
using Impulse.Generators.Permissions;

namespace Impulse.Generators.Emitting;

/// <summary>
/// Builds the manifest (<c>impulse.manifest/2</c>): for each function its <c>$LATEST</c> descriptor, its
/// permissions, and a SHA-256 of that configuration, so a publish can tell whether anything changed.
/// Computed at build time, embedded as UTF-8.
/// </summary>
internal static class ManifestEmitter
{
    public const string SchemaVersion = "impulse.manifest/2";
    public const string Runtime = "provided.al2023";

    public static string Build(AppModel app)
    {
        var json = new JsonText().StartObject()
            .Property("schema", SchemaVersion)
            .StartArray("functions");
        foreach (var function in app.Functions)
            WriteFunction(json, function, app.Architecture);
        return json.EndArray().EndObject().ToString();
    }

    private static void WriteFunction(JsonText json, FunctionModel function, string architecture)
    {
        var permissions = PermissionDeriver.Derive(function);
        var configuration = Descriptor(function, architecture, permissions).EndObject().ToString();
        json.RawValue(Descriptor(function, architecture, permissions).Property("configSha256", Sha256Hex(configuration)).EndObject().ToString());
    }

    private static JsonText Descriptor(FunctionModel function, string architecture, PermissionSetModel permissions)
    {
        var settings = function.Settings;
        var json = new JsonText().StartObject()
            .Property("name", function.Name)
            .Property("handler", function.Name)
            .Property("runtime", Runtime)
            .Property("architecture", architecture)
            .Property("memoryMb", settings.MemoryMb)
            .Property("timeoutSeconds", settings.TimeoutSeconds)
            .Property("reservedConcurrency", settings.ReservedConcurrency)
            .Property("description", settings.Description)
            .Property("method", function.Handler.DisplayName);

        json.StartObject("environment");
        foreach (var entry in settings.Environment)
        {
            var split = entry.IndexOf('=');
            json.Property(split < 0 ? entry : entry.Substring(0, split), split < 0 ? string.Empty : entry.Substring(split + 1));
        }
        json.EndObject();

        json.StartArray("triggers");
        foreach (var trigger in function.Triggers)
        {
            json.StartObject().Property("kind", trigger.Kind).Property("source", trigger.Source).Property("expression", trigger.Expression);
            json.StartObject("settings");
            foreach (var setting in trigger.Settings)
                json.RawProperty(setting.Name, setting.JsonValue);
            json.EndObject().EndObject();
        }
        json.EndArray();

        PermissionsEmitter.Write(json, permissions);
        return json;
    }

    internal static string Sha256Hex(string text)
    {
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
        var hex = new StringBuilder(hash.Length * 2);
        foreach (var b in hash)
            hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        return hex.ToString();
    }
}
