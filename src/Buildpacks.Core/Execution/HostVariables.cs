namespace Buildpacks.Core.Execution;

/// <summary>
/// The host variables that pass into processes the engine starts on this machine: the ones its tools need to be
/// found and to reach the network. Everything else from the door's process (MSBuild, IDE, CI variables) stays out.
/// </summary>
internal static class HostVariables
{
    /// <summary>For buildpack scripts.</summary>
    public static readonly IReadOnlyList<string> Staging =
    [
        "PATH", "USER", "LOGNAME", "SHELL", "TZ", "TERM",
        "http_proxy", "https_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY",
        "SSL_CERT_FILE", "SSL_CERT_DIR",
    ];

    /// <summary>For a droplet launched on this machine rather than in a stack image: the host's .NET is what it finds.</summary>
    public static readonly IReadOnlyList<string> Launching = [.. Staging, "DOTNET_ROOT"];

    /// <summary>The values of <paramref name="names"/> that are set in this process.</summary>
    public static Dictionary<string, string> Read(IEnumerable<string> names)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (System.Environment.GetEnvironmentVariable(name) is { } value)
            {
                values[name] = value;
            }
        }

        return values;
    }
}
