using System.IO.Compression;
using Impulse.Tool.Cli;
using Impulse.Tool.Manifest;

namespace Impulse.Tool.Packaging;

/// <summary>A deployment package on disk.</summary>
/// <param name="Path">The <c>.zip</c> file.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="CodeSha256">The base64 SHA-256 of its bytes, as AWS Lambda reports it.</param>
internal sealed record PackageInfo(string Path, long Size, string CodeSha256);

/// <summary>
/// Writes and reads the deployment <c>.zip</c>: <c>bootstrap</c> (the native binary Lambda's custom runtime runs)
/// and the manifest. The same two inputs always give the same bytes, so a package's SHA-256 changes only
/// when the code or the manifest does.
/// </summary>
internal static class DeploymentPackage
{
    /// <summary>The entry Lambda's <c>provided.al2023</c> runtime starts.</summary>
    public const string BootstrapEntry = "bootstrap";

    /// <summary>
    /// Every entry gets this time: the earliest a zip's DOS date can hold, so neither the build's clock nor
    /// the files' times reach the package.
    /// </summary>
    private static readonly DateTimeOffset FixedTimestamp = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Unix mode bits in the high half of a zip entry's external attributes: a regular file, rwxr-xr-x.</summary>
    private const int ExecutableAttributes = (0x8000 | 0b111_101_101) << 16;

    /// <summary>A regular file, rw-r--r--.</summary>
    private const int RegularAttributes = (0x8000 | 0b110_100_100) << 16;

    /// <summary>Writes <paramref name="zipPath"/> from the binary and the manifest, entries in a fixed order with fixed times and modes.</summary>
    public static PackageInfo Write(string bootstrapPath, string manifestPath, string zipPath)
    {
        if (!File.Exists(bootstrapPath))
            throw new UserErrorException($"No native binary at '{bootstrapPath}': the app must be published with native AOT as 'bootstrap'.");
        if (!File.Exists(manifestPath))
            throw new UserErrorException($"No manifest at '{manifestPath}': the Impulse build writes {AppManifest.FileName} beside the app.");
        // Read it first so a broken manifest never makes a package.
        AppManifest.Load(manifestPath);

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(zipPath))!);
        var temporary = zipPath + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            AddEntry(zip, BootstrapEntry, bootstrapPath, ExecutableAttributes);
            AddEntry(zip, AppManifest.FileName, manifestPath, RegularAttributes);
        }
        File.Move(temporary, zipPath, overwrite: true);
        return Describe(zipPath);
    }

    /// <summary>The size and SHA-256 of an existing package.</summary>
    public static PackageInfo Describe(string zipPath) =>
        new(zipPath, new FileInfo(zipPath).Length, CodeSha256.OfFile(zipPath));

    /// <summary>Reads the manifest a package carries; a file that is not a package is a <see cref="UserErrorException"/>.</summary>
    public static AppManifest ReadManifest(string zipPath)
    {
        try
        {
            using var zip = ZipFile.OpenRead(zipPath);
            if (zip.GetEntry(BootstrapEntry) is null)
                throw new UserErrorException($"'{zipPath}' is not a deployment package: it has no '{BootstrapEntry}'.");
            var entry = zip.GetEntry(AppManifest.FileName)
                ?? throw new UserErrorException($"'{zipPath}' is not a deployment package: it has no '{AppManifest.FileName}'.");
            using var reader = new StreamReader(entry.Open());
            return AppManifest.Parse(reader.ReadToEnd(), $"{zipPath}!{AppManifest.FileName}");
        }
        catch (InvalidDataException e)
        {
            throw new UserErrorException($"'{zipPath}' is not a readable zip: {e.Message}");
        }
    }

    private static void AddEntry(ZipArchive zip, string name, string sourcePath, int externalAttributes)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = FixedTimestamp;
        entry.ExternalAttributes = externalAttributes;
        using var target = entry.Open();
        using var source = File.OpenRead(sourcePath);
        source.CopyTo(target);
    }
}
