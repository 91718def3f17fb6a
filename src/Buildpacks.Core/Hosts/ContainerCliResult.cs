namespace Buildpacks.Core.Hosts;

/// <summary>How one container CLI command ended.</summary>
/// <param name="ExitCode">Its exit code (-1 when it did not finish in time).</param>
/// <param name="Output">What it printed on stdout.</param>
/// <param name="Error">What it printed on stderr.</param>
internal sealed record ContainerCliResult(int ExitCode, string Output, string Error)
{
    /// <summary>True when the command succeeded.</summary>
    public bool Succeeded => ExitCode == 0;

    /// <summary>The first line of its error output, for messages.</summary>
    public string FirstErrorLine => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? $"exit code {ExitCode}";
}
