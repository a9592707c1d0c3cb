using System.Text;
using Impulse.Sources.Embedded.Tests.Infrastructure;

namespace Impulse.Sources.Embedded.Tests;

public sealed class QueueBasicsTests : QueueBasicsConformance
{
    protected override IReadOnlyList<string> NearMissReceiptHandles => ["12.zz"];

    protected override IConformanceQueues CreateQueues(TimeSpan? pollInterval = null) => TestDatabase.Create(pollInterval);

    [Fact]
    public async Task Database_file_defaults_under_the_app_folder_and_is_created_with_its_folder()
    {
        await using var test = TestDatabase.Create();

        Assert.Equal(".impulse/queues.db", EmbeddedQueueOptions.DefaultDatabasePath);
        Assert.True(File.Exists(test.Path));
        Assert.Equal(Path.GetFullPath(test.Path), test.Database.Path);
        await test.Queue().SendAsync(Encoding.UTF8.GetBytes("x"));
    }
}
