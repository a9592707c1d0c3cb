using Impulse.Sources.Sqs.Tests.Infrastructure;

namespace Impulse.Sources.Sqs.Tests;

/// <summary>The SQS-backed <see cref="IQueueSender"/> functions use on Lambda, against the endpoint <c>IMPULSE_SQS</c> names.</summary>
public sealed class QueueSenderTests
{
    [Fact]
    public async Task Send_QueueFoundByName_MessageArrivesWithTheReturnedId()
    {
        await using var endpoint = TestEndpoint.Create();
        var queue = endpoint.Queue();
        await queue.GetStatisticsAsync(); // The queue source creates the queue; the sender only finds it.
        using var sender = new SqsQueueSender(endpoint.Client);

        var first = await sender.SendAsync(endpoint.QueueName("orders"), """{"orderId":"o-1"}""");
        var second = await sender.SendAsync(endpoint.QueueName("orders"), "ünïcode ✓");

        var received = await queue.ReceiveNow();
        // A standard queue promises no order, so the test compares sets.
        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), received.Select(m => m.MessageId).Order(StringComparer.Ordinal));
        Assert.Equal(["""{"orderId":"o-1"}""", "ünïcode ✓"], received.Bodies().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Send_QueueUrlGiven_SendsThereWithoutLookingTheNameUp()
    {
        await using var endpoint = TestEndpoint.Create();
        var queue = endpoint.Queue("target");
        await queue.GetStatisticsAsync();
        var url = (await endpoint.Client.GetQueueUrlAsync(endpoint.QueueName("target"))).QueueUrl;
        // "orders" exists nowhere: only the URL given for it can make the send succeed.
        using var sender = new SqsQueueSender(endpoint.Client, new Dictionary<string, string> { ["orders"] = url });

        var id = await sender.SendAsync("orders", "to the url");

        var message = Assert.Single(await queue.ReceiveNow());
        Assert.Equal(id, message.MessageId);
        Assert.Equal("to the url", message.GetBodyText());
    }

    [Fact]
    public async Task Send_NoQueueOfThatName_FailsNamingTheQueueAndCreatesNothing()
    {
        await using var endpoint = TestEndpoint.Create();
        using var sender = new SqsQueueSender(endpoint.Client);
        var name = endpoint.QueueName("missing");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => sender.SendAsync(name, "lost?").AsTask());

        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<Amazon.SQS.Model.QueueDoesNotExistException>(() => endpoint.Client.GetQueueUrlAsync(name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("nul \u0000 inside")]
    public async Task Send_BodySqsRefuses_ArgumentExceptionBeforeAnythingIsSent(string body)
    {
        await using var endpoint = TestEndpoint.Create();
        var queue = endpoint.Queue();
        await queue.GetStatisticsAsync();
        using var sender = new SqsQueueSender(endpoint.Client);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => sender.SendAsync(endpoint.QueueName("orders"), body).AsTask());

        Assert.Equal("body", error.ParamName);
        Assert.Equal(new QueueStatistics(0, 0, 0), await queue.GetStatisticsAsync());
    }

    [Fact]
    public void Create_QueueUrlNotAUrl_ArgumentExceptionNamesTheQueue()
    {
        var error = Assert.Throws<ArgumentException>(() => new SqsQueueSender(new Dictionary<string, string> { ["orders"] = "orders-queue" }));

        Assert.Contains("'orders'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AmbientWithFallback_NoHostSender_SendsThroughTheFallback_HostSenderInstalled_SendsThroughIt()
    {
        await using var endpoint = TestEndpoint.Create();
        var onLambda = endpoint.Queue("lambda");
        var local = endpoint.Queue("local");
        await onLambda.GetStatisticsAsync();
        await local.GetStatisticsAsync();
        var lambdaUrl = (await endpoint.Client.GetQueueUrlAsync(endpoint.QueueName("lambda"))).QueueUrl;
        var localUrl = (await endpoint.Client.GetQueueUrlAsync(endpoint.QueueName("local"))).QueueUrl;
        using var fallback = new SqsQueueSender(endpoint.Client, new Dictionary<string, string> { ["orders"] = lambdaUrl });
        using var host = new SqsQueueSender(endpoint.Client, new Dictionary<string, string> { ["orders"] = localUrl });
        var sender = AmbientQueueSender.WithFallback(fallback);

        // Each in a flow of its own, so the sender one installs stays out of the other and out of other tests.
        await Task.Run(async () =>
        {
            AmbientQueueSender.InstallForFlow(null);
            await sender.SendAsync("orders", "no host");
        });
        await Task.Run(async () =>
        {
            AmbientQueueSender.InstallForFlow(host);
            await sender.SendAsync("orders", "under a host");
        });

        Assert.Equal(["no host"], (await onLambda.ReceiveNow()).Bodies());
        Assert.Equal(["under a host"], (await local.ReceiveNow()).Bodies());
    }
}
