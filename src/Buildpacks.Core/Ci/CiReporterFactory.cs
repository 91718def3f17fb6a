namespace Buildpacks.Core.Ci;

/// <summary>Creates the reporter for a CI system.</summary>
public static class CiReporterFactory
{
    /// <summary>
    /// A reporter writing log lines to <paramref name="output"/> and error lines to <paramref name="error"/>;
    /// <paramref name="environment"/> gives the CI system's files (GitHub's <c>GITHUB_OUTPUT</c>).
    /// </summary>
    public static ICiReporter Create(CiSystem system, TextWriter output, TextWriter error, Func<string, string?> environment) => system switch
    {
        CiSystem.GitHubActions => GitHubActionsReporter.Create(output, error, environment),
        CiSystem.AzurePipelines => new AzurePipelinesReporter(output, error),
        _ => new PlainReporter(output, error),
    };
}
