using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Staging;

namespace Buildpacks.Core.Declared;

/// <summary>
/// Applies the app's Cloud Foundry manifest to a request, under what the request sets itself: the manifest's
/// <c>env</c> under the request's variables, <c>memory</c> as <c>MEMORY_LIMIT</c>, <c>name</c> when the request names no
/// application, <c>stack</c> when the request keeps the default one (the engine's or the platform's), <c>command</c> as the <c>web</c> process type unless
/// the request gives one, and <c>path</c> as the app directory when the request's app directory is the manifest's own
/// (as <c>cf push</c> run beside its manifest). Its buildpacks are a selection of their own (below <c>BUILDPACK_URL</c>).
/// </summary>
internal static class AppManifest
{
    public const string FileName = "manifest.yml";

    /// <summary>The request with the manifest applied, and the manifest's application; the request as it is when there is no manifest.</summary>
    public static (StagingRequest Request, ManifestApplication? Manifest) Apply(StagingRequest request)
    {
        var path = ManifestFile(request);
        if (path is null)
        {
            return request.ManifestApplication is null
                ? (request, null)
                : throw new BuildpackException(
                    ErrorCodes.ManifestApplicationNotFound,
                    $"An application of the manifest ('{request.ManifestApplication}') was asked for, but there is no {FileName} in the app directory and no manifest was named. Name the manifest too.");
        }

        var manifest = ManifestReader.Read(path, request.ManifestApplication);
        var environment = new Dictionary<string, string>(manifest.Environment, StringComparer.Ordinal);
        if (manifest.MemoryLimit is { } memory)
        {
            environment["MEMORY_LIMIT"] = memory;
        }

        foreach (var (name, value) in request.Environment)
        {
            environment[name] = value;
        }

        var processTypes = new Dictionary<string, string>(request.ProcessTypes, StringComparer.Ordinal);
        if (manifest.Command is { } command && !processTypes.ContainsKey("web"))
        {
            processTypes["web"] = command;
        }

        var appDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(request.AppDirectory));
        var usesPath = manifest.Path is not null && string.Equals(appDirectory, Path.GetDirectoryName(path), StringComparison.Ordinal);
        if (usesPath && !Directory.Exists(manifest.Path))
        {
            throw new BuildpackException(ErrorCodes.AppDirectoryNotFound, $"The manifest's path '{manifest.Path}' does not exist. Build the app there first, or fix the path.", path);
        }

        return (request with
        {
            AppDirectory = usesPath ? manifest.Path! : request.AppDirectory,
            Environment = environment,
            ProcessTypes = processTypes,
            Stack = manifest.Stack is { } stack && (request.Stack == StagingRequest.DefaultStack || request.Stack == PlatformProfile.Of(request.Platform).DefaultStack) ? stack : request.Stack,
            ApplicationName = request.ApplicationName ?? manifest.Name,
        }, manifest);
    }

    private static string? ManifestFile(StagingRequest request)
    {
        if (request.ManifestPath is { } named)
        {
            return Path.GetFullPath(named);
        }

        var beside = Path.Combine(Path.GetFullPath(request.AppDirectory), FileName);
        return File.Exists(beside) ? beside : null;
    }
}
