using Buildpacks.Core;
using Buildpacks.Core.Ci;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Staging;
using Cake.Core;

namespace Cake.Buildpacks;

/// <summary>
/// Stages for an alias. When the script runs on GitHub Actions or Azure Pipelines (the variables Cake's build
/// system providers read: <c>GITHUB_ACTIONS</c>, <c>TF_BUILD</c>) the engine's CI reporter speaks the runner's
/// language (groups, masks, annotations, outputs, job summary), as the <c>buildpacks</c> command does; elsewhere the
/// staging goes to Cake's log. The reporter writes to the console itself, as Cake's own build system commands do:
/// Cake's log colours each line on a CI runner, and a runner ignores a command that starts with a colour code.
/// </summary>
internal static class CakeCiStaging
{
    public static StagingResult Stage(ICakeContext context, BuildpackEngine engine, StagingRequest request, TextWriter console, IEnumerable<string>? secretVariables = null)
    {
        var reporter = Reporter(context, console);
        if (reporter is null)
        {
            var log = new CakeStagingLog(context.Log);
            return EngineCall.Run(cancellationToken => engine.StageAsync(request, log, cancellationToken));
        }

        return EngineCall.Run(async cancellationToken =>
        {
            try
            {
                return await CiStaging.StageAsync(engine, request, reporter, secretVariables, cancellationToken).ConfigureAwait(false);
            }
            catch (BuildpackException ex)
            {
                reporter.Error(ex.Code, ex.Message, ex.File);
                throw;
            }
            catch (OperationCanceledException)
            {
                reporter.Error(ErrorCodes.Cancelled, "Staging was cancelled; the buildpack was stopped and no droplet was written.", null);
                throw;
            }
        });
    }

    /// <summary>The CI reporter for the runner the script runs on, or null outside GitHub Actions and Azure Pipelines.</summary>
    public static ICiReporter? Reporter(ICakeContext context, TextWriter console)
    {
        string? Variable(string name) => context.Environment.GetEnvironmentVariable(name);
        var system = CiLogFormat.Detect(Variable);
        return system == CiSystem.None ? null : CiReporterFactory.Create(system, console, console, Variable);
    }
}
