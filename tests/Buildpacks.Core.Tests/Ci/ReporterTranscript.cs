using Buildpacks.Core.Ci;
using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Tests.Ci;

/// <summary>One short staging told to a reporter: a supply phase with output on both streams, packing, a warning and an error.</summary>
internal static class ReporterTranscript
{
    public const string Script = "/bp/node/bin/supply";

    public static (string Output, string Error) Tell(Func<TextWriter, TextWriter, ICiReporter> create)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var reporter = create(output, error);

        reporter.PhaseStarted(StagingPhase.Supply, "node");
        reporter.Output("installing node", false);
        reporter.Output("npm notice", true);
        reporter.PhaseFinished(StagingPhase.Supply, "node", TimeSpan.FromSeconds(1.24));
        reporter.PhaseStarted(StagingPhase.Pack, "");
        reporter.PhaseFinished(StagingPhase.Pack, "", TimeSpan.FromSeconds(0.06));
        reporter.Info("Droplet written");
        reporter.Warning(new BuildpackDiagnostic(ErrorCodes.NoWebProcess, "no web process", "/app/Procfile"));
        reporter.Error(ErrorCodes.SupplyFailed, "bin/supply failed", Script);
        return (output.ToString(), error.ToString());
    }
}
