namespace Impulse.Sources.Embedded;

/// <summary>Loads the bundled native SQLite (<c>e_sqlite3</c>) before the first connection opens.</summary>
internal static class SqliteNative
{
    private static int _initialized;

    // Microsoft.Data.Sqlite finds the bundle by reflection, which trimming and native AOT may remove; a direct
    // call keeps the bundle's initializer rooted and makes the dependency visible to the linker.
    public static void EnsureInitialized()
    {
        if (Interlocked.Exchange(ref _initialized, 1) == 0)
        {
            SQLitePCL.Batteries_V2.Init();
        }
    }
}
