using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Transparency.Integration.Tests.Workflows;

/// <summary>
/// A stand-in for the external online handling platform on loopback: records each POST (its Idempotency-Key and body),
/// answers with the status codes queued (200 when none), and can hold the next request unanswered until released.
/// </summary>
public sealed class HttpSink : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private readonly ConcurrentQueue<int> _statuses = new();
    private TaskCompletionSource? _hold;

    public HttpSink()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/api/replies";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _serving = ServeAsync();
    }

    public string Url { get; }

    public ConcurrentQueue<(string? Key, string Body)> Requests { get; } = new();

    /// <summary>Completed when a request arrives while the sink is holding.</summary>
    public TaskCompletionSource HeldRequestArrived { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Respond(params int[] statuses)
    {
        _statuses.Clear();
        foreach (var status in statuses)
        {
            _statuses.Enqueue(status);
        }
    }

    /// <summary>The next requests get no answer until <see cref="Release"/>.</summary>
    public void Hold()
    {
        HeldRequestArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void Release() => _hold?.TrySetResult();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            Requests.Enqueue((context.Request.Headers["Idempotency-Key"], body));
            if (_hold is { Task.IsCompleted: false } hold)
            {
                HeldRequestArrived.TrySetResult();
                await hold.Task;
                context.Response.Abort(); // the caller is gone by now
                return;
            }

            var status = _statuses.TryDequeue(out var s) ? s : 200;
            context.Response.StatusCode = status;
            var answer = Encoding.UTF8.GetBytes(status < 300 ? "{\"accepted\":true,\"receipt\":\"PLT-001\"}" : "{\"error\":\"unavailable\"}");
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(answer);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
        {
            // the caller went away
        }
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        _listener.Stop();
        _listener.Close();
        await _serving;
    }
}
