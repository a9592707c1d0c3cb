using Impulse.Hosting.Http;
using Impulse.Hosting.Invoke;
using Impulse.Hosting.Schedules;
using Impulse.Hosting.Streams;
using Microsoft.AspNetCore.Http;

namespace Impulse.Hosting;

/// <summary>
/// The host's one request handler: the Invoke API under its fixed prefix, the schedule fire endpoint, the stream put
/// endpoint and Kinesis's put operations, the app's HTTP routes everywhere else.
/// A failure of the host itself (not of a function) is logged and answered as AWS answers its own faults.
/// </summary>
internal sealed class RequestDispatcher(HttpTriggers triggers, InvokeApi invokeApi, ScheduleEndpoint schedules, FunctionLogger log, StreamEndpoint? streams = null)
{
    public async Task HandleAsync(HttpContext http)
    {
        var isInvokeApi = InvokeApi.Serves(http.Request.Path);
        try
        {
            // The host's own endpoints come before the app's routes; an app route under /impulse/schedules/ would be shadowed.
            await (isInvokeApi ? invokeApi.HandleAsync(http)
                : ScheduleEndpoint.Serves(http.Request.Path) ? schedules.HandleAsync(http)
                : streams is not null && StreamEndpoint.Serves(http.Request) ? streams.HandleAsync(http)
                : triggers.HandleAsync(http)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is no one to answer.
        }
        catch (Exception e)
        {
            log.Log(LogLevel.Error, $"The local host failed to serve {http.Request.Method} {http.Request.Path}.", e);
            if (http.Response.HasStarted)
                throw;
            http.Response.Clear();
            if (isInvokeApi)
                await ErrorResponses.WriteLambdaErrorAsync(http.Response, StatusCodes.Status500InternalServerError, ErrorResponses.Service, e.Message).ConfigureAwait(false);
            else
                await ErrorResponses.WriteGatewayErrorAsync(http.Response, StatusCodes.Status500InternalServerError, "Internal Server Error").ConfigureAwait(false);
        }
    }
}
