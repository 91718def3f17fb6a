using System.CommandLine;
using Buildpacks.Core.Ci;
using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Cli.Commands;

/// <summary>Options several commands share.</summary>
internal static class CommonOptions
{
    public static Option<string> LogFormat()
    {
        var option = new Option<string>("--log-format")
        {
            Description = "How to log: plain, github (GitHub Actions), azure (Azure Pipelines), or auto (from the environment).",
            DefaultValueFactory = _ => "auto",
            Recursive = true,
        };
        option.CompletionSources.Add([.. CiLogFormat.Names]);

        // The engine owns the names: an unknown one fails parsing with its coded message.
        option.Validators.Add(result =>
        {
            try
            {
                CiLogFormat.Parse(result.GetValueOrDefault<string>());
            }
            catch (BuildpackException ex)
            {
                result.AddError(ex.ToString());
            }
        });
        return option;
    }

    public static Option<string[]> Candidates(string description) => new("--candidate", "-c")
    {
        Description = description,
        AllowMultipleArgumentsPerToken = false,
    };
}
