namespace Impulse.Generators.Tests;

/// <summary>User code shared by generator tests.</summary>
internal static class Sources
{
    /// <summary>An app with one function of every handler shape.</summary>
    public const string ShapesApp = """
        using System;
        using System.Collections.Generic;
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using System.Threading;
        using System.Threading.Tasks;
        using Impulse;
        using Microsoft.Extensions.DependencyInjection;

        namespace Shop;

        public sealed record Order(string Id, int Quantity);
        public sealed record Receipt(string OrderId, decimal Total);

        [JsonSerializable(typeof(Order))]
        [JsonSerializable(typeof(Receipt))]
        public sealed partial class ShopJson : JsonSerializerContext;

        public interface IPrices { decimal Of(string id); }
        public sealed class FixedPrices : IPrices { public decimal Of(string id) => 2.5m; }

        public sealed class Startup : IFunctionsStartup
        {
            public static void ConfigureServices(IServiceCollection services) => services.AddSingleton<IPrices, FixedPrices>();
        }

        [FunctionSerializer(typeof(ShopJson))]
        public sealed class Checkout(IPrices prices) : IDisposable
        {
            public static int Disposed;

            [Function("price", MemoryMb = 256, TimeoutSeconds = 10, Description = "Prices an order", Environment = ["CURRENCY=EUR"])]
            [PushTrigger(PushSource.Http, "POST /price")]
            [ExecutionPermission("dynamodb:GetItem", "arn:aws:dynamodb:*:*:table/Prices")]
            public async Task<Receipt> Price(FunctionContext context, Order order, CancellationToken cancel)
            {
                await Task.Yield();
                return new Receipt(order.Id, order.Quantity * prices.Of(order.Id));
            }

            [Function("price-sync")]
            public Receipt PriceNow(Order order) => new(order.Id, order.Quantity * prices.Of(order.Id));

            public void Dispose() => Disposed++;
        }

        [FunctionSerializer(typeof(ShopJson))]
        public static class Tools
        {
            public static string? LastSeen;

            [Function("echo")]
            public static string Echo(string text) => text;

            [Function("raw")]
            public static JsonElement Raw(JsonElement value) => value;

            [Function("record")]
            [PushTrigger(PushSource.Sns, "orders-topic")]
            public static void Record(Order order) => LastSeen = order.Id;

            [Function("record-async")]
            public static ValueTask RecordAsync(CancellationToken cancel, Order order) { LastSeen = order.Id; return default; }

            [Function("count")]
            public static ValueTask<Receipt> Count(Order order) => new(new Receipt(order.Id, order.Quantity));

            [Function("fail")]
            public static Task Fail(Order order) => throw new InvalidOperationException($"cannot take {order.Id}");

            [Function("nothing")]
            public static Task Nothing() => Task.CompletedTask;

            [Function("slow", TimeoutSeconds = 1)]
            public static async Task Slow(CancellationToken cancel) => await Task.Delay(Timeout.Infinite, cancel);
        }
        """;
}
