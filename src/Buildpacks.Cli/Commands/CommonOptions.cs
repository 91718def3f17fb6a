using System.CommandLine;
using Buildpacks.Cli.Reporting;

namespace Buildpacks.Cli.Commands;

/// <summary>Options several commands share.</summary>
internal static class CommonOptions
{
    public static Option<string> LogFormat() => new Option<string>("--log-format")
    {
        Description = "How to log: plain, github (GitHub Actions), azure (Azure Pipelines), or auto (from the environment).",
        DefaultValueFactory = _ => "auto",
        Recursive = true,
    }.AcceptOnlyFromAmong(ReporterFactory.Formats);

    public static Option<string[]> Candidates(string description) => new("--candidate", "-c")
    {
        Description = description,
        AllowMultipleArgumentsPerToken = false,
    };
}
