using System.Text.Json;
using Impulse;
using Impulse.Generated;
using Impulse.Sources;
using static Impulse.PullSource;
using static Impulse.PushSource;

namespace OrderService;

/// <summary>The order service's functions, each a different handler shape.</summary>
public sealed class OrderFunctions(IOrderStore store, TimeProvider clock, IQueueSender queues)
{
    /// <summary>The queue accepted orders go to, for <c>ship-order</c>.</summary>
    public const string OrdersQueue = "orders";

    /// <summary>Instance, asynchronous, event and context: accepts an order.</summary>
    [Function("create-order", MemoryMb = 256, TimeoutSeconds = 10, Description = "Accepts an order")]
    [PushTrigger(Http, "POST /orders")]
    [ExecutionPermission("dynamodb:PutItem", "arn:aws:dynamodb:*:*:table/Orders")]
    public async Task<OrderAccepted> Create(CreateOrder order, FunctionContext context)
    {
        if (order.Lines.Count == 0)
            throw new ArgumentException("An order needs at least one line.", nameof(order));
        var total = order.Lines.Sum(line => line.Quantity * line.UnitPrice);
        var accepted = new OrderAccepted($"ord-{context.RequestId[..8]}", order.CustomerId, total, clock.GetUtcNow());
        await store.SaveAsync(accepted, context.CancellationToken);
        // The generated writer puts it in the queue exactly as ship-order's generated reader takes it out.
        await queues.SendAsync(OrdersQueue, ImpulseJson.ToJson(accepted), context.CancellationToken);
        context.Logger.Info($"Accepted order {accepted.OrderId} for {accepted.CustomerId}, total {accepted.Total}.");
        return accepted;
    }

    /// <summary>Instance, synchronous, nullable result: looks an order up.</summary>
    [Function("get-order")]
    [PushTrigger(Http, "GET /orders/{orderId}")]
    public OrderAccepted? Get(GetOrder request) => store.Find(request.OrderId);

    /// <summary>Static, asynchronous, one message and context, no result: ships an order from the queue.</summary>
    [Function("ship-order", TimeoutSeconds = 30, Environment = ["CARRIER=local-post"])]
    [PullTrigger(Queue, OrdersQueue, BatchSize = 10, MaxBatchingWindowSeconds = 2)]
    public static async Task Ship(OrderAccepted order, FunctionContext context)
    {
        // Stands in for a call to a carrier's API.
        await Task.Delay(TimeSpan.FromMilliseconds(1), context.CancellationToken);
        context.Logger.Info($"Shipped order {order.OrderId} to {order.CustomerId}.");
    }

    /// <summary>Static, synchronous, raw JSON event and context, no result: a nightly report.</summary>
    [Function("nightly-report", MemoryMb = 512, TimeoutSeconds = 60)]
    [PushTrigger(Schedule, "cron(0 3 * * ? *)")]
    public static void Report(JsonElement tick, FunctionContext context) =>
        context.Logger.Info($"Nightly report for {tick.GetProperty("time").GetString()}.");

    /// <summary>Static, synchronous, string in and out: a health check.</summary>
    [Function("ping")]
    public static string Ping(string message) => $"pong: {message}";
}
