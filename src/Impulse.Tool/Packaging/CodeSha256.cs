using System.Security.Cryptography;

namespace Impulse.Tool.Packaging;

/// <summary>
/// A package's identity: the SHA-256 of its bytes, reported in base64 as AWS Lambda reports <c>CodeSha256</c>,
/// and stored on disk under its hexadecimal form, which is safe in a file name.
/// </summary>
internal static class CodeSha256
{
    /// <summary>The base64 SHA-256 of a file.</summary>
    public static string OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToBase64String(SHA256.HashData(stream));
    }

    /// <summary>The file-name form of a base64 <c>CodeSha256</c>: lower-case hexadecimal.</summary>
    public static string ToFileName(string codeSha256) =>
        Convert.ToHexStringLower(Convert.FromBase64String(codeSha256));
}
