namespace Impulse.Tool.Tests.Infrastructure;

/// <summary>A scratch folder deleted with the test.</summary>
public sealed class TemporaryFolder : IDisposable
{
    /// <summary>Creates a new empty folder under the system's temporary folder.</summary>
    public TemporaryFolder() => Path = Directory.CreateTempSubdirectory("impulse-tool-").FullName;

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>A path inside the folder.</summary>
    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    /// <summary>Deletes the folder; a leftover is not worth failing a test for.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
