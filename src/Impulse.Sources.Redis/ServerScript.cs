using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace Impulse.Sources.Redis;

/// <summary>
/// A Lua script run by its SHA-1 (EVALSHA), so each call sends a 40-character hash instead of the script's text. When
/// the server does not know the script (first use, a restart, SCRIPT FLUSH) it answers NOSCRIPT, and the script is
/// sent once in full with EVAL, which also caches it there for the calls that follow.
/// </summary>
/// <remarks>Not StackExchange.Redis's <c>LuaScript</c>/<c>LoadedLuaScript</c>: they bind parameters from an object's
/// properties by reflection, which trimming and native AOT cannot follow; keys and values here are plain arrays.</remarks>
internal sealed class ServerScript(string text)
{
    // SHA-1 because EVALSHA names scripts by it; it identifies, it protects nothing.
    private readonly byte[] _hash = SHA1.HashData(Encoding.UTF8.GetBytes(text));

    public string Text => text;

    public async Task<RedisResult> EvaluateAsync(IDatabaseAsync database, RedisKey[] keys, RedisValue[] values)
    {
        try
        {
            return await database.ScriptEvaluateAsync(_hash, keys, values).ConfigureAwait(false);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal))
        {
            return await database.ScriptEvaluateAsync(text, keys, values).ConfigureAwait(false);
        }
    }
}
