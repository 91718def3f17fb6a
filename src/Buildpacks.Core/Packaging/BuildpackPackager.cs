using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Buildpacks.Core.Diagnostics;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Buildpacks.Core.Packaging;

/// <summary>
/// Packages a buildpack directory into a zip as Cloud Foundry's buildpack-packager does: validated manifest first,
/// pre_package in a copy, exclude_files left out (or only include_files), and with <see cref="PackageOptions.Cached"/>
/// every dependency for the stack inside the zip under dependencies/, the packaged manifest pointing there.
/// </summary>
internal sealed class BuildpackPackager(IStagingLog log, HttpClient? client = null)
{
    /// <summary>Packages; on any error no zip is left behind.</summary>
    public async Task<PackageResult> PackageAsync(PackageOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.AnyStack && options.Stack is not null)
        {
            throw new BuildpackException(ErrorCodes.PackageOptionsConflict, "A stack and any-stack exclude each other (--stack / --any-stack, BuildpackPackageStack / BuildpackPackageAnyStack). Give one.");
        }

        var source = Path.GetFullPath(options.BuildpackDirectory);
        var manifest = PackagerManifest.Load(options.Manifest ?? Path.Combine(source, "manifest.yml"));
        var stack = options.AnyStack ? null : options.Stack ?? manifest.Stack;
        var warnings = ManifestValidator.Validate(manifest, stack, DateOnly.FromDateTime(DateTime.UtcNow));
        foreach (var warning in warnings)
        {
            log.Warning(warning);
        }

        var version = ReadVersion(source);
        var zip = Path.GetFullPath(options.Output ?? Path.Combine(source,
            $"{manifest.Language}_buildpack{(options.Cached ? "-cached" : "")}{(stack is null ? "" : "-" + stack)}-v{version}.zip"));

        var work = Path.Combine(Path.GetTempPath(), "bpk-package-" + Guid.NewGuid().ToString("N")[..10]);
        try
        {
            var tree = Path.Combine(work, "buildpack");
            TreeCopy(source, tree, zip);
            if (manifest.PrePackage is { } command)
            {
                await RunPrePackageAsync(command, tree, cancellationToken).ConfigureAwait(false);
            }

            var entries = SelectFiles(tree, manifest);
            var dependencies = manifest.Dependencies.Where(d => d.IsFor(stack)).ToList();
            if (stack is not null)
            {
                manifest.Document["dependencies"] = dependencies.Select(d => (object?)d.Raw).ToList();
            }

            if (options.Cached)
            {
                await AddDependenciesAsync(options, manifest, dependencies, entries, cancellationToken).ConfigureAwait(false);
            }

            var packagedManifest = Path.Combine(work, "manifest.yml");
            await File.WriteAllTextAsync(packagedManifest, manifest.Serialize(), cancellationToken).ConfigureAwait(false);
            entries["manifest.yml"] = packagedManifest;
            DeterministicZip.Write(zip, entries, options.Timestamp ?? TimestampFrom(null));
            log.Info($"Packaged {zip}");
            return new PackageResult(zip, warnings, Summary(manifest, dependencies));
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    /// <summary>The default version of <paramref name="name"/> in the manifest, as compile-extensions' default_version_for answers.</summary>
    public static string DefaultVersion(string manifestFile, string name)
    {
        var manifest = PackagerManifest.Load(manifestFile);
        var defaults = manifest.DefaultVersions.Where(d => d.Name == name).ToList();
        return defaults.Count switch
        {
            1 => defaults[0].Version,
            0 => throw new BuildpackException(ErrorCodes.NoDefaultVersion, $"The manifest '{manifestFile}' has no default_versions entry for '{name}'. Add one.", manifestFile),
            _ => throw new BuildpackException(
                ErrorCodes.DefaultVersionTwice,
                $"The manifest '{manifestFile}' has {defaults.Count} default_versions entries for '{name}' ({string.Join(", ", defaults.Select(d => d.Version))}). Keep one.",
                manifestFile),
        };
    }

    private async Task AddDependenciesAsync(PackageOptions options, PackagerManifest manifest, List<ManifestDependency> dependencies, Dictionary<string, string> entries, CancellationToken cancellationToken)
    {
        var cache = options.DownloadCache ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".buildpack-packager", "cache");
        // Each attempt has its own timeout (PackageOptions.DownloadTimeout).
        using var owned = client is null ? new HttpClient { Timeout = Timeout.InfiniteTimeSpan } : null;
        var downloader = new DependencyDownloader(client ?? owned!, cache, options, log);
        foreach (var dependency in dependencies)
        {
            var file = await downloader.FetchAsync(dependency, manifest.File, cancellationToken).ConfigureAwait(false);
            // The uri's md5 keeps two dependencies with the same file name apart, as the Cloud Foundry packager does.
            // As there, only 'file' (relative to the buildpack) is added and 'uri' stays: libbuildpack copies 'file'
            // when the buildpack has a dependencies/ directory, and scripts that map the uri still find their entry.
            var relative = $"dependencies/{Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(dependency.Uri)))}/{DependencyDownloader.FileName(dependency.Uri)}";
            entries[relative] = file;
            dependency.Raw["file"] = relative;
        }
    }

    private static Dictionary<string, string> SelectFiles(string tree, PackagerManifest manifest)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        if (manifest.IncludeFiles.Count > 0)
        {
            foreach (var relative in manifest.IncludeFiles.Where(f => f != "manifest.yml"))
            {
                var file = Path.Combine(tree, relative);
                if (!File.Exists(file))
                {
                    throw new BuildpackException(ErrorCodes.IncludedFileMissing, $"The file '{relative}' named in include_files does not exist in the buildpack. Create it or remove it from '{manifest.File}'.", manifest.File);
                }

                entries[relative.Replace('\\', '/')] = file;
            }

            return entries;
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude("**/*");
        foreach (var pattern in manifest.ExcludeFiles)
        {
            // The packager's patterns match at any depth ("*.zip") and a trailing slash means the whole directory (".git/").
            var trimmed = pattern.TrimStart('/');
            var glob = trimmed.EndsWith('/') ? trimmed + "**" : trimmed;
            matcher.AddExclude(glob);
            if (!pattern.StartsWith('/') && !glob.StartsWith("**/", StringComparison.Ordinal))
            {
                matcher.AddExclude("**/" + glob);
            }
        }

        foreach (var relative in matcher.GetResultsInFullPath(tree).Select(f => Path.GetRelativePath(tree, f).Replace('\\', '/')))
        {
            if (relative != "manifest.yml")
            {
                entries[relative] = Path.Combine(tree, relative);
            }
        }

        return entries;
    }

    private static async Task RunPrePackageAsync(string command, string directory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new BuildpackException(
                ErrorCodes.PrePackageFailed,
                $"pre_package '{command}' exited with {process.ExitCode}: {(await error.ConfigureAwait(false)).Trim()} {(await output.ConfigureAwait(false)).Trim()}. Fix the command; it runs in a copy of the buildpack.");
        }
    }

    private static string ReadVersion(string buildpack)
    {
        var file = Path.Combine(buildpack, "VERSION");
        return File.Exists(file)
            ? File.ReadAllText(file).Trim()
            : throw new BuildpackException(ErrorCodes.VersionFileMissing, $"The buildpack '{buildpack}' has no VERSION file. Write its version (e.g. 1.0.0) there; the zip is named after it.", file);
    }

    private static void TreeCopy(string source, string target, string skip)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            if (file == skip)
            {
                continue;
            }

            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    /// <summary>
    /// The zip time for a SOURCE_DATE_EPOCH value (seconds since 1970; the door reads the variable); none or
    /// unreadable gives 1980-01-01, and earlier times are raised to it because zip cannot hold them.
    /// </summary>
    public static DateTimeOffset TimestampFrom(string? sourceDateEpoch)
    {
        var earliest = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return long.TryParse(sourceDateEpoch, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds > earliest.ToUnixTimeSeconds()
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : earliest;
    }

    private static string Summary(PackagerManifest manifest, List<ManifestDependency> dependencies)
    {
        var text = new StringBuilder("| name | version | cf_stacks |\n|-|-|-|\n");
        foreach (var d in dependencies.OrderBy(d => d.Name, StringComparer.Ordinal).ThenBy(d => d.Version, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"| {d.Name} | {d.Version} | {string.Join(", ", d.CfStacks)} |\n");
        }

        text.Append("\n| name | default version |\n|-|-|\n");
        foreach (var (name, version) in manifest.DefaultVersions)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {name} | {version} |\n");
        }

        return text.ToString();
    }
}
