using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Staging;

namespace Buildpacks.Core.Launching;

/// <summary>
/// Starts a process of a droplet on this machine the way the platform would: extract it (safely, once per
/// droplet), build the launch environment, apply CNB layer env files, run the exec.d programs, then source the
/// profile scripts and exec the command. Holds no process-wide state, so several launches may run at once.
/// </summary>
internal sealed class Launcher
{
    /// <summary>Starts the process; the returned handle gives its exit code and stops it.</summary>
    /// <exception cref="BuildpackException">The droplet cannot be used, has no such process type, or an exec.d program failed.</exception>
    public async Task<LaunchedProcess> StartAsync(LaunchRequest request, ILaunchLog log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(log);
        Validate(request);
        log = new SerializedLaunchLog(log);

        var extracted = DropletExtractor.Extract(request.DropletPath, request.RunDirectory ?? DropletExtractor.DefaultRunRoot, request.ExtractionLimits, cancellationToken);
        var root = extracted.Directory;
        log.Info(extracted.Reused ? $"Droplet already extracted in {root}" : $"Droplet extracted into {root}");

        var (layout, metadata) = LaunchMetadata.ReadExtracted(root);
        var type = request.ProcessType;
        if (!metadata.ProcessTypes.TryGetValue(type, out var command) || command.Trim().Length == 0)
        {
            var known = metadata.ProcessTypes.Count == 0 ? "none" : string.Join(", ", metadata.ProcessTypes.Keys);
            throw new BuildpackException(
                ErrorCodes.ProcessTypeNotFound,
                $"The droplet has no command for the process type '{type}' (it has: {known}). Choose one of these, " +
                "or add a 'Procfile' line ('" + type + ": <command>') to the app and restage.",
                Path.GetFullPath(request.DropletPath));
        }

        var appDirectory = layout == DropletLayout.CloudFoundry ? Path.Combine(root, "app") : root;
        var environment = LaunchEnvironment.Build(
            layout, root, appDirectory, type, request.Port, request.ApplicationName ?? AppName(request.DropletPath), metadata.ConfigVars, request.Environment);

        var layersMetadata = Path.Combine(root, LayersMetadata.RelativePath);
        var order = LayersMetadata.BuildpackOrder(File.Exists(layersMetadata) ? await File.ReadAllTextAsync(layersMetadata, cancellationToken).ConfigureAwait(false) : null, layersMetadata);
        LayerEnvironment.Apply(environment, Path.Combine(root, "layers"), order, type);

        var scripts = LaunchScriptFinder.Find(LaunchScriptFinder.ListCandidates(root), layout, order).Where(s => s.AppliesTo(type)).ToList();
        foreach (var program in scripts.Where(s => s.Kind == LaunchScriptKind.ExecD))
        {
            log.Info($"exec.d: {program.Path}");
            await ExecDRunner.RunAsync(Path.Combine(root, program.Path), program.Path, environment, appDirectory, log, cancellationToken).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var plan = new LaunchPlan(
            root,
            appDirectory,
            type,
            command,
            metadata.EntrypointPrefix,
            request.Port,
            environment,
            [.. scripts.Where(s => s.Kind == LaunchScriptKind.Profile).Select(s => Path.Combine(root, s.Path))]);
        log.Info($"Starting {type}: {command} (PORT={request.Port})");
        return ProcessStarter.Start(plan, log);
    }

    private static string AppName(string dropletPath)
    {
        var name = Path.GetFileName(dropletPath);
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? name[..dot] : name;
    }

    private static void Validate(LaunchRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.DropletPath))
        {
            throw new BuildpackException(ErrorCodes.InvalidLaunchRequest, "No droplet was given. Name the droplet to run (e.g. app.droplet.tgz).");
        }

        if (request.Port is < 1 or > 65535)
        {
            throw new BuildpackException(ErrorCodes.InvalidLaunchRequest, $"The port must be between 1 and 65535, not {request.Port}.");
        }

        var type = request.ProcessType;
        if (type.Length == 0 || !type.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            throw new BuildpackException(ErrorCodes.InvalidLaunchRequest, $"'{type}' is not a valid process type. Use letters, digits, '_' and '-' (e.g. web, worker).");
        }

        foreach (var name in request.Environment.Keys)
        {
            VariableNames.EnsureValid(name);
        }

        if (request.ExtractionLimits is not { MaxBytes: > 0, MaxEntries: > 0 })
        {
            throw new BuildpackException(ErrorCodes.InvalidLaunchRequest, "The extraction limits must be positive: give a size in bytes (or with K, M, G) and a number of entries above zero.");
        }
    }
}
