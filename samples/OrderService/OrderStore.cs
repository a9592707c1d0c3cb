using System.Collections.Concurrent;

namespace OrderService;

/// <summary>Where orders are kept.</summary>
public interface IOrderStore
{
    /// <summary>Saves an accepted order.</summary>
    ValueTask SaveAsync(OrderAccepted order, CancellationToken cancel);

    /// <summary>The order with this id, or null.</summary>
    OrderAccepted? Find(string orderId);
}

/// <summary>An in-memory store; a real app would use DynamoDB, as the permission on create-order says.</summary>
public sealed class InMemoryOrderStore : IOrderStore
{
    private readonly ConcurrentDictionary<string, OrderAccepted> _orders = new();

    /// <inheritdoc/>
    public ValueTask SaveAsync(OrderAccepted order, CancellationToken cancel)
    {
        _orders[order.OrderId] = order;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public OrderAccepted? Find(string orderId) => _orders.GetValueOrDefault(orderId);
}
