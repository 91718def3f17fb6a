using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Droplets;
using Buildpacks.Core.Execution;
using Buildpacks.Core.Files;
using Buildpacks.Core.Release;
using Buildpacks.Core.Sources;

namespace Buildpacks.Core.Staging;

/// <summary>
/// Stages an app directory into a droplet with v2 buildpacks: one request in, one result out.
/// Holds no process-wide state, so several stagings may run at once.
/// </summary>
public sealed class Stager
{
    private readonly IScriptExecutor _executor;
    private readonly BuildpackResolver _resolver;

    /// <summary>Creates a stager; by default scripts run on this machine and buildpacks come from local directories.</summary>
    public Stager(IScriptExecutor? executor = null, BuildpackResolver? resolver = null)
    {
        _executor = executor ?? new HostScriptExecutor();
        _resolver = resolver ?? BuildpackResolver.Default;
    }

    /// <summary>Runs detection only, over a copy of the app, and says which candidate applies and why the others do not.</summary>
    public async Task<DetectionReport> DetectAsync(string appDirectory, IReadOnlyList<string> candidates, IStagingLog log, CancellationToken cancellationToken = default)
    {
        var request = new StagingRequest { AppDirectory = appDirectory, OutputPath = "", Candidates = candidates };
        EnsureAppDirectory(request);
        if (candidates.Count == 0)
        {
            throw new BuildpackException(ErrorCodes.InvalidRequest, "Give at least one candidate buildpack to detect with.");
        }

        using var workspace = StagingWorkspace.Create();
        SpecialFileWarning.ForApp(log, DirectoryCopier.Copy(Path.GetFullPath(appDirectory), workspace.BuildDirectory, relative => relative == ".git"), Path.GetFullPath(appDirectory));
        var environment = StagingEnvironment.Build(request, workspace, AppName(request), log);
        var resolved = await ResolveAllAsync(candidates, workspace, "c", cancellationToken).ConfigureAwait(false);
        var (_, report) = await new BuildpackDetector(_executor, log)
            .DetectAsync(resolved, workspace.BuildDirectory, environment, [], cancellationToken).ConfigureAwait(false);
        return report;
    }

    /// <summary>Stages the app. Throws <see cref="BuildpackException"/> for failures the user can act on.</summary>
    public async Task<StagingResult> StageAsync(StagingRequest request, IStagingLog log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(log);
        Validate(request);

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

    private async Task<StagingResult> StageCoreAsync(StagingRequest request, IStagingLog log, CancellationToken cancellationToken)
    {
        var warnings = new List<BuildpackDiagnostic>();
        var recordingLog = new WarningRecorder(log, warnings);
        var timings = new List<PhaseTiming>();
        var outcome = new StagingOutcome();
        var selected = false;

        using var workspace = StagingWorkspace.Create();
        using var cache = CacheSession.Open(request.CacheDirectory, workspace);
        try
        {
            var appDirectory = Path.GetFullPath(request.AppDirectory);
            var output = Path.GetFullPath(request.OutputPath);
            SpecialFileWarning.ForApp(recordingLog, DirectoryCopier.Copy(appDirectory, workspace.BuildDirectory, relative => relative == ".git" || IsOutputFile(appDirectory, relative, output)), appDirectory);
            StagingEnvironment.WriteEnvDirectory(request.Environment, workspace.EnvDirectory);
            var environment = StagingEnvironment.Build(request, workspace, AppName(request), recordingLog);
            var phases = new PhaseRunner(_executor, recordingLog, environment, workspace.BuildDirectory, timings);

            // Select: the explicit list, or the first candidate that detects the app.
            List<ResolvedBuildpack> buildpacks;
            string? detectedName = null;
            if (request.Buildpacks.Count > 0)
            {
                buildpacks = await ResolveAllAsync(request.Buildpacks, workspace, "", cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var candidates = await ResolveAllAsync(request.Candidates, workspace, "c", cancellationToken).ConfigureAwait(false);
                var (winner, report) = await new BuildpackDetector(_executor, recordingLog)
                    .DetectAsync(candidates, workspace.BuildDirectory, environment, timings, cancellationToken).ConfigureAwait(false);
                if (winner is null)
                {
                    throw BuildpackDetector.NoneDetected(report);
                }

                recordingLog.Info($"Detected buildpack: {report.WinnerName}");
                buildpacks = [winner];
                detectedName = report.WinnerName;
            }

            selected = true;
            var final = buildpacks[^1];
            outcome.BuildpackKey = final.Key;
            var indexes = DepsIndexes(buildpacks.Count);
            var caches = CacheDirectories(buildpacks, cache.WorkingDirectory);
            var supplied = new List<SupplyMetadata>();

            for (var i = 0; i < buildpacks.Count - 1; i++)
            {
                var buildpack = buildpacks[i];
                if (!buildpack.HasScript("supply"))
                {
                    throw new BuildpackException(
                        ErrorCodes.SupplyMissing,
                        $"Buildpack '{buildpack.DefaultName}' is not the last buildpack, so it must supply dependencies, but it has no bin/supply. " +
                        "Put it last, or use a buildpack that supports Cloud Foundry's multi-buildpack contract.",
                        buildpack.UserScript("supply"),
                        CfExitCodes.SupplyFailed);
                }

                var deps = Path.Combine(workspace.DepsDirectory, indexes[i]);
                Directory.CreateDirectory(deps);
                await phases.RunAsync("supply", buildpack, [workspace.BuildDirectory, caches[i], workspace.DepsDirectory, indexes[i]], ErrorCodes.SupplyFailed, CfExitCodes.SupplyFailed, cancellationToken).ConfigureAwait(false);
                supplied.Add(SupplyMetadataReader.Read(deps));
            }

            var finalDeps = Path.Combine(workspace.DepsDirectory, indexes[^1]);
            Directory.CreateDirectory(finalDeps);
            var finalCache = caches[^1];
            if (final.HasScript("finalize"))
            {
                if (final.HasScript("supply"))
                {
                    await phases.RunAsync("supply", final, [workspace.BuildDirectory, finalCache, workspace.DepsDirectory, indexes[^1]], ErrorCodes.SupplyFailed, CfExitCodes.SupplyFailed, cancellationToken).ConfigureAwait(false);
                }

                await phases.RunAsync("finalize", final, [workspace.BuildDirectory, finalCache, workspace.DepsDirectory, indexes[^1], workspace.ProfileDirectory], ErrorCodes.CompileFailed, CfExitCodes.CompileFailed, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                if (!final.HasScript("compile"))
                {
                    throw new BuildpackException(
                        ErrorCodes.BuildpackScriptMissing,
                        $"Buildpack '{final.DefaultName}' has neither bin/compile nor bin/finalize, so it cannot build the app.",
                        final.UserScript("compile"),
                        CfExitCodes.CompileFailed);
                }

                if (buildpacks.Count > 1)
                {
                    recordingLog.Warning(new BuildpackDiagnostic(
                        ErrorCodes.FinalWithoutFinalize,
                        $"Buildpack '{final.DefaultName}' is last but has no bin/finalize; it was run with bin/compile and cannot use the dependencies supplied by the buildpacks before it.",
                        final.UserScript("finalize")));
                }

                DirectoryRemover.Delete(finalDeps);
                await phases.RunAsync("compile", final, [workspace.BuildDirectory, finalCache, workspace.EnvDirectory], ErrorCodes.CompileFailed, CfExitCodes.CompileFailed, cancellationToken).ConfigureAwait(false);
            }

            var finalMetadata = Directory.Exists(finalDeps) ? SupplyMetadataReader.Read(finalDeps) : SupplyMetadata.None;
            supplied.Add(finalMetadata);
            var release = await phases.ReleaseAsync(final, cancellationToken).ConfigureAwait(false);

            for (var i = 0; i < buildpacks.Count; i++)
            {
                var metadata = supplied[i];
                var name = metadata.Name ?? (i == buildpacks.Count - 1 ? detectedName : null) ?? buildpacks[i].DefaultName;
                outcome.Buildpacks.Add(new BuildpackOutcome(buildpacks[i].Key, name, metadata.Version ?? buildpacks[i].Version, metadata.Config, metadata.OutputMetadata));
            }

            outcome.DetectedBuildpack = detectedName ?? outcome.Buildpacks[^1].Name;
            outcome.EntrypointPrefix = finalMetadata.EntrypointPrefix;
            outcome.Addons.AddRange(release.Addons);
            foreach (var (name, value) in release.ConfigVars)
            {
                outcome.ConfigVars[name] = value;
            }

            MergeProcessTypes(request, workspace, supplied, release, outcome);
            if (!outcome.ProcessTypes.ContainsKey("web"))
            {
                recordingLog.Warning(new BuildpackDiagnostic(
                    ErrorCodes.NoWebProcess,
                    "No 'web' process type: the buildpack declared none and the app has no Procfile line for it. App will not start unless a command is provided at runtime.",
                    File.Exists(Path.Combine(appDirectory, "Procfile")) ? Path.Combine(appDirectory, "Procfile") : null));
            }

            var packed = Pack(request, workspace, outcome, recordingLog, timings, cancellationToken);
            if (request.ResultPath is not null)
            {
                MetadataWriter.WriteResult(outcome, request.ResultPath);
            }

            cache.Commit();
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
                Buildpacks = [.. outcome.Buildpacks.Select(b => new StagedBuildpack(b.Key, b.Name, b.Version))],
                Timings = timings,
                Warnings = warnings,
            };
        }
        catch (Exception) when (selected && request.ResultPath is not null)
        {
            // Cloud Foundry writes result.json even when staging fails after detect.
            MetadataWriter.WriteResult(outcome, request.ResultPath);
            throw;
        }
    }

    private static PackedDroplet Pack(StagingRequest request, StagingWorkspace workspace, StagingOutcome outcome, IStagingLog log, List<PhaseTiming> timings, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        log.PhaseStarted("pack", "");
        var timestamp = request.Timestamp ?? SourceDateEpoch(request) ?? DropletWriter.DefaultTimestamp;
        PackedDroplet packed;
        if (request.Layout == DropletLayout.Heroku)
        {
            MetadataWriter.WriteRelease(outcome, Path.Combine(workspace.BuildDirectory, ".release"));
            var ignore = SlugIgnore.Load(workspace.BuildDirectory);
            packed = DropletWriter.Write(workspace.BuildDirectory, request.OutputPath, timestamp, ignore.IsExcluded, cancellationToken);
        }
        else
        {
            MetadataWriter.WriteStagingInfo(outcome, Path.Combine(workspace.DropletRoot, "staging_info.yml"));
            packed = DropletWriter.Write(workspace.DropletRoot, request.OutputPath, timestamp, null, cancellationToken);
        }

        SpecialFileWarning.ForDroplet(log, packed.SkippedSpecialFiles);
        log.PhaseFinished("pack", "", stopwatch.Elapsed);
        timings.Add(new PhaseTiming("pack", "", stopwatch.Elapsed));
        log.Info($"Droplet written: {packed.Path} ({packed.Size} bytes, sha256 {packed.Sha256})");
        return packed;
    }

    private static void MergeProcessTypes(StagingRequest request, StagingWorkspace workspace, List<SupplyMetadata> supplied, ReleaseInfo release, StagingOutcome outcome)
    {
        // CF: launch.yml of each buildpack, then the release's defaults, then the Procfile (read after
        // compile, since buildpacks write it), then the project's own overrides.
        // Errors name the app's own Procfile: the build directory is gone by the time the user reads them.
        var staged = Path.Combine(workspace.BuildDirectory, "Procfile");
        var procfile = RegularFile.ReadTextIfExists(staged, "the app's Procfile") is { } text
            ? Procfile.Parse(text, Path.Combine(Path.GetFullPath(request.AppDirectory), "Procfile"))
            : null;
        var keepDefaults = procfile is null || request.ProcfileMode == ProcfileMode.Merge;
        var layers = new List<IReadOnlyDictionary<string, string>>();
        if (keepDefaults)
        {
            layers.AddRange(supplied.Select(metadata => metadata.LaunchProcessTypes));
            layers.Add(release.DefaultProcessTypes);
        }

        if (procfile is not null)
        {
            layers.Add(procfile);
        }

        layers.Add(request.ProcessTypes);
        foreach (var (type, command) in layers.SelectMany(layer => layer))
        {
            outcome.ProcessTypes[type] = command;
        }
    }

    private async Task<List<ResolvedBuildpack>> ResolveAllAsync(IReadOnlyList<string> references, StagingWorkspace workspace, string prefix, CancellationToken cancellationToken)
    {
        var resolved = new List<ResolvedBuildpack>();
        for (var i = 0; i < references.Count; i++)
        {
            var destination = workspace.BuildpackDirectory(prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            resolved.Add(await _resolver.ResolveAsync(references[i], destination, cancellationToken).ConfigureAwait(false));
        }

        return resolved;
    }

    /// <summary>CF pads IDX to the width of the buildpack count: 0..2 for 3 buildpacks, 00..10 for 11.</summary>
    internal static string[] DepsIndexes(int count)
    {
        var width = count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        return [.. Enumerable.Range(0, count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width, '0'))];
    }

    /// <summary>
    /// One buildpack uses the cache directory itself (Heroku). Several follow Cloud Foundry: the final one
    /// gets <c>final/</c>, each supply buildpack a directory named by a hash of its key, and nothing else is kept.
    /// </summary>
    private static string[] CacheDirectories(List<ResolvedBuildpack> buildpacks, string cacheRoot)
    {
        if (buildpacks.Count == 1)
        {
            return [cacheRoot];
        }

        var names = buildpacks.Select((buildpack, i) => i == buildpacks.Count - 1
            ? "final"
            : Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(buildpack.Key)))).ToArray();
        foreach (var entry in new DirectoryInfo(cacheRoot).EnumerateFileSystemInfos())
        {
            if (!names.Contains(entry.Name, StringComparer.Ordinal))
            {
                if (entry is DirectoryInfo directory && directory.LinkTarget is null)
                {
                    DirectoryRemover.Delete(directory.FullName);
                }
                else
                {
                    entry.Delete();
                }
            }
        }

        return [.. names.Select(name => Directory.CreateDirectory(Path.Combine(cacheRoot, name)).FullName)];
    }

    private static DateTimeOffset? SourceDateEpoch(StagingRequest request)
    {
        var value = request.Environment.GetValueOrDefault("SOURCE_DATE_EPOCH") ?? System.Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        return long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
    }

    private static bool IsOutputFile(string appDirectory, string relative, string output)
    {
        var full = Path.Combine(appDirectory, relative);
        return full == output || (Path.GetDirectoryName(full) == Path.GetDirectoryName(output)
            && Path.GetFileName(full).StartsWith("." + Path.GetFileName(output) + ".", StringComparison.Ordinal));
    }

    private static string AppName(StagingRequest request) =>
        request.ApplicationName ?? Path.GetFileName(Path.GetFullPath(request.AppDirectory).TrimEnd(Path.DirectorySeparatorChar));

    private static void EnsureAppDirectory(StagingRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.AppDirectory) || !Directory.Exists(request.AppDirectory))
        {
            throw new BuildpackException(
                ErrorCodes.AppDirectoryNotFound,
                $"The app directory '{request.AppDirectory}' does not exist. Give the directory to stage (for a .NET app, its publish folder).",
                request.AppDirectory);
        }
    }

    private static void Validate(StagingRequest request)
    {
        EnsureAppDirectory(request);
        if (string.IsNullOrWhiteSpace(request.OutputPath))
        {
            throw new BuildpackException(ErrorCodes.InvalidRequest, "No droplet path was given. Say where to write the droplet (e.g. app.droplet.tgz).");
        }

        if (request.Buildpacks.Count == 0 && request.Candidates.Count == 0)
        {
            throw new BuildpackException(ErrorCodes.InvalidRequest, "No buildpack was given. Name a buildpack to use, or candidates to detect with.");
        }

        if (request.Timeout <= TimeSpan.Zero)
        {
            throw new BuildpackException(ErrorCodes.InvalidRequest, $"The timeout must be positive, not {request.Timeout}.");
        }

        foreach (var name in request.Environment.Keys)
        {
            VariableNames.EnsureValid(name);
        }

        foreach (var type in request.ProcessTypes.Keys)
        {
            if (type.Length == 0 || !type.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                throw new BuildpackException(ErrorCodes.InvalidRequest, $"'{type}' is not a valid process type. Use letters, digits, '_' and '-'.");
            }
        }
    }
}
