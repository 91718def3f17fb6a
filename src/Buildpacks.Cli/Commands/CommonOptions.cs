using System.CommandLine;
using Buildpacks.Core;
using Buildpacks.Core.Ci;
using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Cli.Commands;

/// <summary>Options several commands share.</summary>
internal static class CommonOptions
{
    public static Option<string> LogFormat()
    {
        var option = new Option<string>("--log-format")
        {
            Description = "How to log: plain, github (GitHub Actions), azure (Azure Pipelines), or auto (from the environment).",
            DefaultValueFactory = _ => "auto",
            Recursive = true,
        };
        option.CompletionSources.Add([.. CiLogFormat.Names]);

        // The engine owns the names: an unknown one fails parsing with its coded message.
        option.Validators.Add(result =>
        {
            try
            {
                CiLogFormat.Parse(result.GetValueOrDefault<string>());
            }
            catch (BuildpackException ex)
            {
                result.AddError(ex.ToString());
            }
        });
        return option;
    }

    public static Option<string[]> Candidates(string description) => new("--candidate", "-c")
    {
        Description = description,
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<string> BuildpackCache() => new("--buildpack-cache")
    {
        Description = "Where buildpacks fetched from git and archive URLs are kept, shared by stagings. Default: BUILDPACKS_CACHE, else $XDG_CACHE_HOME/buildpacks, else ~/.cache/buildpacks.",
    };

    public static Option<bool> Offline() => new("--offline")
    {
        Description = "Use no network: buildpack URLs are served from the buildpack cache only (also on when BUILDPACKS_OFFLINE=1).",
    };

    public static Option<string[]> SecretBuildpacks() => new("--secret-buildpack")
    {
        Description = "A buildpack whose whole URL is secret (a secret-hash URL): shown only as secret:HOST/***-HASH, never in full. Repeatable; used after the --buildpack ones (write --buildpack secret:URL to place it elsewhere). To keep it off the command line too, use --buildpack env:NAME.",
    };

    /// <summary>The buildpacks of <c>--buildpack</c>, then those of <c>--secret-buildpack</c> marked secret.</summary>
    public static IEnumerable<string> Buildpacks(string[]? buildpacks, string[]? secretBuildpacks) =>
        (buildpacks ?? []).Concat((secretBuildpacks ?? []).Select(url => Core.Diagnostics.Redaction.SecretPrefix + url));

    public static Option<string> LockFile(string description) => new("--lock-file") { Description = description };

    /// <summary>The engine for one command: the buildpack cache and offline mode are engine options, not request fields.</summary>
    public static BuildpackEngine Engine(CliEnvironment cli, string? buildpackCache, bool offline) => new(new BuildpackEngineOptions
    {
        BuildpackCacheDirectory = buildpackCache is { Length: > 0 } ? Path.GetFullPath(buildpackCache) : Core.Sources.BuildpackCache.DefaultRoot(cli.Variables),
        Offline = offline || Core.Sources.BuildpackCache.OfflineByEnvironment(cli.Variables),
    });
}
