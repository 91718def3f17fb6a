using System.CommandLine;
using System.Globalization;
using Buildpacks.Core.Files;
using Buildpacks.Core.Sources;

namespace Buildpacks.Cli.Commands;

/// <summary><c>buildpacks cache list</c> and <c>buildpacks cache prune [--older-than 30d]</c>.</summary>
internal static class CacheCommand
{
    public static Command Create(CliEnvironment cli, Option<string> logFormat)
    {
        var command = new Command("cache", """
            Show or trim the shared buildpack cache (buildpacks fetched from git and archive URLs).

            Example:
              buildpacks cache list
              buildpacks cache prune --older-than 30d
            """);
        command.Subcommands.Add(List(cli, logFormat));
        command.Subcommands.Add(Prune(cli, logFormat));
        return command;
    }

    private static Command List(CliEnvironment cli, Option<string> logFormat)
    {
        var buildpackCache = CommonOptions.BuildpackCache();
        var command = new Command("list", "Show each cached buildpack: when it was last used, its size, its identity and its reference (credentials hidden).") { buildpackCache };
        command.SetAction((parse, _) =>
        {
            var reporter = cli.Reporter(parse.GetValue(logFormat));
            return CommandRunner.RunAsync(cli, reporter, () =>
            {
                var cache = Open(cli, parse.GetValue(buildpackCache));
                var entries = cache.List();
                cli.Output.WriteLine($"Buildpack cache: {cache.Root} ({entries.Count} {(entries.Count == 1 ? "entry" : "entries")}, {ByteSizeText.Format(entries.Sum(e => e.Size))})");
                Print(cli, entries);
                return Task.FromResult(0);
            });
        });
        return command;
    }

    private static Command Prune(CliEnvironment cli, Option<string> logFormat)
    {
        var buildpackCache = CommonOptions.BuildpackCache();
        var olderThan = new Option<string>("--older-than") { Description = "Remove only entries not used for this long: 30d, 12h, 90m. Default: every entry." };
        var command = new Command("prune", """
            Remove cached buildpacks, keeping any a staging is copying out right now. The next staging that needs one
            fetches it again (offline, it fails with BPK1148).
            """)
        {
            buildpackCache, olderThan,
        };
        command.SetAction((parse, _) =>
        {
            var reporter = cli.Reporter(parse.GetValue(logFormat));
            return CommandRunner.RunAsync(cli, reporter, () =>
            {
                var cache = Open(cli, parse.GetValue(buildpackCache));
                var cutoff = BuildpackCache.PruneCutoff(parse.GetValue(olderThan), DateTimeOffset.UtcNow);
                var removed = cache.Prune(cutoff);
                cli.Output.WriteLine($"Removed {removed.Count} {(removed.Count == 1 ? "entry" : "entries")} ({ByteSizeText.Format(removed.Sum(e => e.Size))}) from {cache.Root}");
                Print(cli, removed);
                return Task.FromResult(0);
            });
        });
        return command;
    }

    private static BuildpackCache Open(CliEnvironment cli, string? root) =>
        new(root is { Length: > 0 } ? Path.GetFullPath(root) : BuildpackCache.DefaultRoot(cli.Variables));

    private static void Print(CliEnvironment cli, IEnumerable<BuildpackCacheEntry> entries)
    {
        foreach (var entry in entries)
        {
            cli.Output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {entry.LastUsed:yyyy-MM-dd HH:mm}  {ByteSizeText.Format(entry.Size),10}  {entry.Identity}  {entry.Reference}"));
        }
    }
}
