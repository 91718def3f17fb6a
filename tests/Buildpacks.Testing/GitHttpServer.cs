using System.Diagnostics;
using System.Net;
using System.Text;

namespace Buildpacks.Testing;

/// <summary>
/// Serves the repositories under a directory over git's smart HTTP protocol: <c>git http-backend</c> run as a CGI
/// program behind a loopback server, which demands basic authentication as <c>user:TOKEN</c> when given a token.
/// </summary>
public sealed class GitHttpServer : IDisposable
{
    private readonly LoopbackServer _server;

    public GitHttpServer(string projectRoot, string? token = null)
    {
        var expected = token is null ? null : "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("user:" + token));
        _server = new LoopbackServer(async (context, _) =>
        {
            if (expected is not null && context.Request.Headers["Authorization"] != expected)
            {
                context.Response.StatusCode = 401;
                context.Response.AddHeader("WWW-Authenticate", "Basic realm=\"git\"");
                context.Response.Close();
                return;
            }

            await ServeAsync(context, projectRoot);
        });
    }

    public string Url(string repository) => _server.Url("/" + repository);

    public int Port => _server.Port;

    public void Dispose() => _server.Dispose();

    private static async Task ServeAsync(HttpListenerContext context, string projectRoot)
    {
        var request = context.Request;
        var startInfo = new ProcessStartInfo("git", ["http-backend"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.Environment["GIT_PROJECT_ROOT"] = projectRoot;
        startInfo.Environment["GIT_HTTP_EXPORT_ALL"] = "1";
        startInfo.Environment["REQUEST_METHOD"] = request.HttpMethod;
        startInfo.Environment["PATH_INFO"] = request.Url!.AbsolutePath;
        startInfo.Environment["QUERY_STRING"] = request.Url.Query.TrimStart('?');
        startInfo.Environment["CONTENT_TYPE"] = request.ContentType ?? "";
        startInfo.Environment["REMOTE_ADDR"] = "127.0.0.1";
        startInfo.Environment["GIT_PROTOCOL"] = request.Headers["Git-Protocol"] ?? "";
        if (request.Headers["Content-Encoding"] is { } encoding)
        {
            startInfo.Environment["HTTP_CONTENT_ENCODING"] = encoding;
        }

        using var process = Process.Start(startInfo)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await request.InputStream.CopyToAsync(process.StandardInput.BaseStream);
        process.StandardInput.Close();

        // CGI: header lines, a blank line, then the body.
        var output = process.StandardOutput.BaseStream;
        var header = new StringBuilder();
        while (!header.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && !header.ToString().EndsWith("\n\n", StringComparison.Ordinal))
        {
            var b = output.ReadByte();
            if (b < 0)
            {
                break;
            }

            header.Append((char)b);
        }

        foreach (var line in header.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var (name, value) = (line[..colon], line[(colon + 1)..].Trim());
            if (name.Equals("Status", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = int.Parse(value.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.ContentType = value;
            }
            else if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.AddHeader(name, value);
            }
        }

        await output.CopyToAsync(context.Response.OutputStream);
        await process.WaitForExitAsync();
        _ = await stderr;
        context.Response.Close();
    }
}
