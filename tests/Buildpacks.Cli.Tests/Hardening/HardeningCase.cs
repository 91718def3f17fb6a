using Buildpacks.Cli.Tests.Support;

namespace Buildpacks.Cli.Tests.Hardening;

/// <summary>
/// One bad input or fault: how to set it up (returning the CLI's arguments), and what the CLI must answer. Everything
/// else a case must leave as it was is checked for every case alike by <see cref="HardeningRunner"/>.
/// </summary>
/// <param name="Name">Names the case in the test list.</param>
/// <param name="Arrange">Prepares the scene and returns the arguments of <c>buildpacks</c>.</param>
/// <param name="Code">The one error code expected; null: the documented success.</param>
/// <param name="ExitCode">The expected exit code.</param>
public sealed record HardeningCase(string Name, Func<HardeningScene, string[]> Arrange, string? Code, int ExitCode = 1)
{
    /// <summary>A value that must appear in no output of the CLI (a secret the user gave).</summary>
    public string? Secret { get; init; }

    /// <summary>Runs the CLI as nobody, to meet file permissions that root ignores.</summary>
    public bool AsNobody { get; init; }

    /// <summary>A warning code the output must carry.</summary>
    public string? Warning { get; init; }

    /// <summary>A signal (INT, TERM) sent to the CLI once it printed a line holding <see cref="SignalAfter"/>.</summary>
    public string? Signal { get; init; }

    /// <summary>The line that triggers <see cref="Signal"/>.</summary>
    public string SignalAfter { get; init; } = "-----> compile";

    /// <summary>The code comes from the command line parser, which prints "BPKnnnn: ..." rather than "error BPKnnnn: ...".</summary>
    public bool OptionError { get; init; }

    /// <summary>More checks of the outcome.</summary>
    public Action<HardeningScene, CliRun>? Then { get; init; }

    public override string ToString() => Name;
}
