using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Impulse.Tool.Tests.Infrastructure;

/// <summary>
/// A published app folder as the Impulse build leaves it (a <c>bootstrap</c> binary and <c>impulse.manifest.json</c>)
/// with chosen contents, so registry tests can change code or configuration without a native build.
/// The binary's bytes stand for the code; the tool packages whatever it finds.
/// </summary>
public static class SyntheticApp
{
    /// <summary>The functions every synthetic app has.</summary>
    public static readonly IReadOnlyList<string> Functions = ["create-order", "ship-order"];

    /// <summary>
    /// Writes the app into <paramref name="directory"/>: <paramref name="code"/> stands for the binary, and
    /// <paramref name="memoryMb"/> for create-order's configuration (its configSha256 follows it, as the generator's does).
    /// </summary>
    public static string Write(string directory, string code = "code v1", int memoryMb = 256)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "bootstrap"), $"#!/bin/sh\n# {code}\n");
        File.WriteAllText(Path.Combine(directory, "impulse.manifest.json"), Manifest(memoryMb));
        return directory;
    }

    /// <summary>A version-2 manifest with the two functions.</summary>
    public static string Manifest(int memoryMb)
    {
        var functions = new JsonArray
        {
            Function("create-order", memoryMb, "POST /orders"),
            Function("ship-order", 128, "GET /shipments"),
        };
        return new JsonObject { ["schema"] = "impulse.manifest/2", ["functions"] = functions }.ToJsonString();
    }

    private static JsonObject Function(string name, int memoryMb, string route)
    {
        var descriptor = new JsonObject
        {
            ["name"] = name,
            ["handler"] = name,
            ["runtime"] = "provided.al2023",
            ["architecture"] = "x86_64",
            ["memoryMb"] = memoryMb,
            ["timeoutSeconds"] = 10,
            ["reservedConcurrency"] = 0,
            ["method"] = $"Sample.Functions.{name.Replace("-", "", StringComparison.Ordinal)}",
            ["environment"] = new JsonObject(),
            ["triggers"] = new JsonArray
            {
                new JsonObject { ["kind"] = "push", ["source"] = "http", ["expression"] = route, ["settings"] = new JsonObject { ["iamAuth"] = false } },
            },
            ["permissions"] = new JsonObject
            {
                ["invoke"] = new JsonArray(),
                ["execution"] = new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = new JsonArray() },
            },
        };
        // As the generator does: the hash of the descriptor without the hash.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(descriptor.ToJsonString())));
        descriptor["configSha256"] = hash;
        return descriptor;
    }
}
