using System.Collections.Concurrent;
using System.Net;

namespace Buildpacks.Testing;

/// <summary>An HTTP server on 127.0.0.1 for the test's own routes, counting the requests of each path.</summary>
public sealed class LoopbackServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly Func<HttpListenerContext, int, Task> _handle;

    /// <param name="handle">Answers one request; the int is how many requests of that path came before it, this one included.</param>
    public LoopbackServer(Func<HttpListenerContext, int, Task> handle)
    {
        _handle = handle;
        // The port may be taken between choosing and binding it (tests run in parallel); a failed Start disposes the listener.
        for (var attempt = 0; ; attempt++)
        {
            Port = FreePort.Next();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            try
            {
                listener.Start();
                _listener = listener;
                break;
            }
            catch (HttpListenerException) when (attempt < 20)
            {
            }
        }

        _ = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public string Url(string pathAndQuery) => $"http://127.0.0.1:{Port}{pathAndQuery}";

    public int Count(string path) => _counts.GetValueOrDefault(path);

    /// <summary>Sends <paramref name="body"/> with a status of 200.</summary>
    public static async Task SendAsync(HttpListenerContext context, byte[] body, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentLength64 = body.Length;
        await context.Response.OutputStream.WriteAsync(body);
        context.Response.Close();
    }

    public void Dispose() => _listener.Close();

    private async Task AcceptAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                var count = _counts.AddOrUpdate(context.Request.Url!.AbsolutePath, 1, (_, n) => n + 1);
                try
                {
                    await _handle(context, count);
                }
                catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException)
                {
                }
            });
        }
    }
}
