using Buildpacks.Core.Declared;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Files;
using Buildpacks.Core.Hosts;
using Buildpacks.Core.Release;
using Buildpacks.Core.Requests;
using Buildpacks.Core.Sources;
using Buildpacks.Core.Staging.Planning;

namespace Buildpacks.Core.Staging;

/// <summary>
/// One staging, step by step: check the outputs, prepare the workspace and cache, plan (select the buildpacks), run the
/// plan through the host, assemble the release, pack, put droplet, result and cache in place. Each step is a type of
/// its own; this one only orders them.
/// Holds no process-wide state, so several stagings may run at once.
/// </summary>
internal sealed class Stager(BuildpackEngineOptions options, BuildpackResolver resolver)
{

    /// <summary>Runs detection only, over a copy of the app, and says which candidate applies and why the others do not.</summary>
    public async Task<DetectionReport> DetectAsync(string appDirectory, IReadOnlyList<string> candidates, IStagingLog log, CancellationToken cancellationToken)
    {
        StagingRequestBuilder.ValidateDetection(appDirectory, candidates);
        var request = new StagingRequest { AppDirectory = appDirectory, OutputPath = "", Candidates = candidates };

        using var workspace = StagingWorkspace.Create();
        var app = Path.GetFullPath(appDirectory);
        workspace.PrepareBuildDirectory(app, AppCopyFilter.Excluding(app, null), options.TreeMode, log);
        await using var session = await OpenSessionAsync(workspace, workspace.ScratchCacheDirectory, cancellationToken).ConfigureAwait(false);
        var (phases, fetcher) = Prepare(request, workspace, session, workspace.ScratchCacheDirectory, log, [], cancellationToken);
        var resolved = await fetcher.FetchAllAsync(candidates, "c", cancellationToken).ConfigureAwait(false);
        var (_, report) = await new BuildpackDetector(phases, log, workspace.BuildDirectory, workspace.TempDirectory).DetectAsync(resolved, cancellationToken).ConfigureAwait(false);
        return report;
    }

    /// <summary>Stages the app. Throws <see cref="BuildpackException"/> for failures the user can act on.</summary>
    public async Task<StagingResult> StageAsync(StagingRequest request, IStagingLog log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(log);
        StagingRequestBuilder.Validate(request);

        using var timeout = new CancellationTokenSource(request.Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await StageCoreAsync(request, log, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new BuildpackException(
                ErrorCodes.Timeout,
                $"Staging did not finish within {request.Timeout}; the buildpack was stopped and no droplet was written. " +
                "Raise the timeout if the build needs longer, or look at the log for a step that hangs (e.g. waiting for network).",
                null,
                CfExitCodes.Other,
                ex);
        }
    }

    private async Task<StagingResult> StageCoreAsync(StagingRequest asked, IStagingLog log, CancellationToken cancellationToken)
    {
        var (request, manifest) = AppManifest.Apply(asked);
        var warnings = new List<BuildpackDiagnostic>();
        var recordingLog = new WarningRecorder(log, warnings);
        var timings = new List<PhaseTiming>();
        var outcome = new StagingOutcome();
        var selected = false;

        using var outputs = StagingOutputs.Check(request, options.BuildpackCacheDirectory);
        using var workspace = StagingWorkspace.Create();
        using var cache = CacheSession.Open(outputs.CacheDirectory, workspace, options.TreeMode, recordingLog);
        try
        {
            var appDirectory = Path.GetFullPath(request.AppDirectory);
            // A droplet written into the app directory is being written while the build directory is packed: in an
            // overlay of the app its temporary file could show up and be packed, so the app is copied then.
            var treeMode = options.TreeMode == StagingTreeMode.Automatic && RealPath.IsSameOrInside(outputs.DropletPath, RealPath.Of(appDirectory))
                ? StagingTreeMode.ParallelCopy
                : options.TreeMode;
            workspace.PrepareBuildDirectory(appDirectory, AppCopyFilter.Excluding(appDirectory, outputs.DropletPath), treeMode, recordingLog);
            workspace.Write(() => StagingEnvironment.WriteEnvDirectory(request.Environment, workspace.EnvDirectory));
            await using var session = await OpenSessionAsync(workspace, cache.WorkingDirectory, cancellationToken, request).ConfigureAwait(false);
            if (request.StackImage is { Length: > 0 } image)
            {
                recordingLog.Info($"Scripts run in a container of {image} ({StagingNames.ContainerEngineName(request.ContainerEngine)}), as the stack's non-root user");
            }

            var (phases, fetcher) = Prepare(request, workspace, session, cache.WorkingDirectory, recordingLog, timings, cancellationToken);

            var hooks = new HookRunner(phases, workspace, recordingLog);
            var (appPreStaging, appPostStaging) = StackatoHooks.Read(request.AppDirectory);
            var stackato = Path.Combine(request.AppDirectory, StackatoHooks.FileName);
            await hooks.RunAsync(StagingPhase.PreStaging, Hooks(appPreStaging, stackato, request.PreStagingHooks), cancellationToken).ConfigureAwait(false);

            var detector = new BuildpackDetector(phases, recordingLog, workspace.BuildDirectory, workspace.TempDirectory);
            var plan = await StagingPlanner.PlanAsync(new SelectionContext(request, fetcher, detector, recordingLog, manifest), cancellationToken).ConfigureAwait(false);
            selected = true;
            outcome.BuildpackKey = plan.Final.Key;

            var (supplied, release) = await RunPlanAsync(
                request,
                plan,
                phases,
                workspace,
                cache.WorkingDirectory,
                recordingLog,
                () => hooks.RunAsync(StagingPhase.PostStaging, Hooks(appPostStaging, stackato, request.PostStagingHooks), cancellationToken),
                cancellationToken).ConfigureAwait(false);
            OutcomeAssembler.Assemble(request, workspace, plan, supplied, release, outcome, recordingLog);

            var packed = DropletPacker.Pack(request, workspace, outputs, outcome, recordingLog, timings, cancellationToken);
            outputs.WriteResult(outcome);
            outputs.Commit(cache);
            recordingLog.Info($"Droplet written: {packed.Path} ({packed.Size} bytes, sha256 {packed.Sha256})");
            return new StagingResult
            {
                DropletPath = packed.Path,
                Sha256 = packed.Sha256,
                Size = packed.Size,
                Layout = request.Layout,
                DetectedBuildpack = outcome.DetectedBuildpack,
                StartCommand = outcome.StartCommand,
                ProcessTypes = outcome.ProcessTypes,
                ConfigVars = outcome.ConfigVars,
                Buildpacks = [.. outcome.Buildpacks.Select(b => new StagedBuildpack(b.Key, b.Name, b.Version) { Identity = b.Identity })],
                Timings = timings,
                Warnings = warnings,
            };
        }
        catch (Exception ex) when (selected)
        {
            outputs.WriteResultOfFailure(outcome, ex, recordingLog);
            throw;
        }
    }

    // The app's own hooks first, then the request's.
    private static List<(string Command, string? File)> Hooks(IReadOnlyList<string> app, string appFile, IReadOnlyList<string> request) =>
        [.. app.Select(command => (command, (string?)appFile)), .. request.Select(command => (command, (string?)null))];

    // The buildpacks, then what runs after the last one (the post-staging hooks), then the release.
    private static async Task<(List<SupplyMetadata> Supplied, ReleaseInfo Release)> RunPlanAsync(
        StagingRequest request,
        StagingPlan plan, PhaseRunner phases, StagingWorkspace workspace, string cacheDirectory, IStagingLog log, Func<Task> afterBuildpacks, CancellationToken cancellationToken)
    {
        var profile = PlatformProfile.Of(request.Platform);
        if (plan.Chained)
        {
            var chain = new ChainRunner(phases, workspace, profile);
            var chained = await chain.RunAsync(plan, cacheDirectory, cancellationToken).ConfigureAwait(false);
            await afterBuildpacks().ConfigureAwait(false);
            return (chained, await chain.ReleaseAsync(plan, cancellationToken).ConfigureAwait(false));
        }

        var supplied = await new PlanRunner(phases, workspace, log, profile).RunAsync(plan, cacheDirectory, cancellationToken).ConfigureAwait(false);
        await afterBuildpacks().ConfigureAwait(false);
        return (supplied, await phases.ReleaseAsync(plan.Final, cancellationToken).ConfigureAwait(false));
    }

    private async Task<IStagingHostSession> OpenSessionAsync(StagingWorkspace workspace, string cacheDirectory, CancellationToken cancellationToken, StagingRequest? request = null)
    {
        var host = HostFor(request);
        var availability = host.CheckAvailability();
        if (!availability.IsAvailable)
        {
            throw new BuildpackException(
                availability.Code ?? ErrorCodes.HostUnavailable,
                $"Buildpack scripts cannot run on the '{host.Name}' host: {availability.Reason}");
        }

        var layout = new HostSessionLayout(workspace.Root, cacheDirectory, workspace.HomeDirectory, workspace.TempDirectory);
        return await host.OpenSessionAsync(layout, cancellationToken).ConfigureAwait(false);
    }

    // A request that names a stack image stages in it, whatever host the engine was made with.
    private IStagingHost HostFor(StagingRequest? request) => request?.StackImage is { Length: > 0 } image
        ? new ContainerHost(new ContainerHostOptions
        {
            Image = image,
            Cli = StagingNames.ContainerEngineName(request.ContainerEngine),
            EngineHost = (options.Host as ContainerHost)?.Options.EngineHost,
            User = (options.Host as ContainerHost)?.Options.User,
        })
        : options.Host;

    private (PhaseRunner Phases, BuildpackFetcher Fetcher) Prepare(
        StagingRequest request, StagingWorkspace workspace, IStagingHostSession session, string cacheDirectory, IStagingLog log, List<PhaseTiming> timings, CancellationToken cancellationToken)
    {
        var environment = StagingEnvironment.Build(request, session.BaseEnvironment, AppName(request), session.ToScriptPath(cacheDirectory), log);
        var phases = new PhaseRunner(session, log, environment, workspace.BuildDirectory, timings);
        var lockFile = request.EffectiveLockFile();
        var pins = LockPins.Read(lockFile, request.Buildpacks.Concat(request.Candidates));
        if (lockFile is not null)
        {
            log.Info($"Buildpacks pinned by the lock file {lockFile}");
        }

        var sourceContext = new SourceContext(options.BuildpackCacheDirectory, options.Offline, pins, log, cancellationToken) { LockFile = lockFile };
        return (phases, new BuildpackFetcher(resolver, workspace, sourceContext));
    }

    private static string AppName(StagingRequest request) =>
        request.ApplicationName ?? Path.GetFileName(Path.GetFullPath(request.AppDirectory).TrimEnd(Path.DirectorySeparatorChar));
}
