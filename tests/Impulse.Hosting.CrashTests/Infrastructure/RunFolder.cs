namespace Impulse.Hosting.CrashTests.Infrastructure;

/// <summary>A temporary folder for one crash test's hosts, deleted when the test is done with it.</summary>
internal sealed class RunFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("impulse-host-crash-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
