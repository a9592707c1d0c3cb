namespace OrderService;

/// <summary>A request to create an order.</summary>
public sealed record CreateOrder(string CustomerId, IReadOnlyList<OrderLine> Lines);

/// <summary>One line of an order.</summary>
public sealed record OrderLine(string Sku, int Quantity, decimal UnitPrice);

/// <summary>An order the service accepted.</summary>
public sealed record OrderAccepted(string OrderId, string CustomerId, decimal Total, DateTimeOffset AcceptedAt);

/// <summary>A request to look an order up.</summary>
public sealed record GetOrder(string OrderId);
