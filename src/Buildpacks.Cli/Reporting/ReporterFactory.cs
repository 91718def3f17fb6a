namespace Buildpacks.Cli.Reporting;

/// <summary>Picks the reporter: an explicit <c>--log-format</c>, else the CI system the environment shows.</summary>
internal static class ReporterFactory
{
    public static readonly string[] Formats = ["auto", "plain", "github", "azure"];

    public static Reporter Create(string? format, TextWriter output, TextWriter error, Func<string, string?> environment)
    {
        var chosen = format is null or "auto" ? Detect(environment) : format;
        return chosen switch
        {
            "github" => new GitHubActionsReporter(output, error, environment("GITHUB_OUTPUT")),
            "azure" => new AzurePipelinesReporter(output, error),
            _ => new PlainReporter(output, error),
        };
    }

    private static string Detect(Func<string, string?> environment)
    {
        if (string.Equals(environment("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return "github";
        }

        return string.Equals(environment("TF_BUILD"), "true", StringComparison.OrdinalIgnoreCase) ? "azure" : "plain";
    }
}
