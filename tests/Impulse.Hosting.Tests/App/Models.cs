namespace Impulse.Hosting.Tests.App;

/// <summary>A direct invocation's event.</summary>
public sealed record Greeting(string Name);

/// <summary>A direct invocation's result.</summary>
public sealed record Greeted(string Message);

/// <summary>An event that names the probe key a handler counts or waits on.</summary>
public sealed record Probe(string Key);

/// <summary>Which route answered and with which parameters, as a plain (non-response-shaped) result.</summary>
public sealed record RouteHit(string Function, IReadOnlyDictionary<string, string>? PathParameters);

/// <summary>A payload format 2.0 response shape with <c>multiValueHeaders</c>, which the built-in response type lacks.</summary>
public sealed record MultiValueResponse(int StatusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> MultiValueHeaders, string Body);

/// <summary>What a handler's context said.</summary>
public sealed record ContextSeen(string RequestId, string FunctionName, string FunctionVersion, string InvokedFunctionArn, string? ClientContext, string Key);
