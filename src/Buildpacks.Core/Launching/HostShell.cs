namespace Buildpacks.Core.Launching;

/// <summary>The programs of this machine a launch needs.</summary>
internal static class HostShell
{
    /// <summary>bash: profile scripts are bash, and Cloud Foundry starts every command with <c>bash -c</c>.</summary>
    public static readonly string Bash = Find("bash") ?? "/bin/sh";

    /// <summary>setsid, when installed: the process then leads its own process group, which receives forwarded signals.</summary>
    public static readonly string? Setsid = Find("setsid");

    private static string? Find(string name) =>
        new[] { "/usr/bin/", "/bin/", "/usr/local/bin/" }.Select(directory => directory + name).FirstOrDefault(File.Exists);
}
