namespace Buildpacks.Core.Ci;

/// <summary>Creates the reporter for a CI system.</summary>
internal static class CiReporterFactory
{
    /// <summary>
    /// A reporter writing log lines to <paramref name="output"/> and error lines to <paramref name="error"/>;
    /// <paramref name="environment"/> gives the CI system's files (GitHub's <c>GITHUB_OUTPUT</c> and
    /// <c>GITHUB_STEP_SUMMARY</c>, Azure's <c>AGENT_TEMPDIRECTORY</c>) and <c>NO_COLOR</c>. Plain text is coloured
    /// only on a stream that is a terminal (<paramref name="outputIsTerminal"/>, <paramref name="errorIsTerminal"/>), and a
    /// live progress line is drawn only on a terminal stdout outside CI.
    /// </summary>
    public static ICiReporter Create(
        CiSystem system,
        TextWriter output,
        TextWriter error,
        Func<string, string?> environment,
        bool outputIsTerminal = false,
        bool errorIsTerminal = false) => system switch
        {
            CiSystem.GitHubActions => GitHubActionsReporter.Create(output, error, environment),
            CiSystem.AzurePipelines => AzurePipelinesReporter.Create(output, error, environment),
            _ => new PlainReporter(
                output,
                error,
                PlainReporter.UsesColour(outputIsTerminal, environment),
                PlainReporter.UsesColour(errorIsTerminal, environment),
                PlainReporter.ShowsProgress(outputIsTerminal, environment)),
        };
}
