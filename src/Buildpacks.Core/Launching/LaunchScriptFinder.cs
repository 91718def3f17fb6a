using Buildpacks.Core.Staging;

namespace Buildpacks.Core.Launching;

/// <summary>
/// Picks, from a droplet's file names, the scripts a launch runs and puts them in launch order. Works on names
/// only, so <c>buildpacks inspect</c> (archive entries) and <c>buildpacks run</c> (an extracted tree) agree.
/// </summary>
internal static class LaunchScriptFinder
{
    /// <summary>
    /// exec.d programs first, in the order the CNB lifecycle runs them: Cloud Foundry <c>deps/&lt;IDX&gt;</c> by
    /// index, then CNB <c>layers/&lt;buildpack&gt;/&lt;layer&gt;</c> by buildpack order and layer name; per directory
    /// the programs for every process type, then those for one type; file names in ordinal order, dotfiles
    /// included. Then profile scripts in the order the launch sources them: Cloud Foundry <c>profile.d/*</c>,
    /// <c>app/.profile.d/*</c>, <c>app/.profile</c>; a slug's <c>.profile.d/*.sh</c>, <c>.profile</c>. Like the
    /// platforms' shell globs, profile directories skip dotfiles; unlike them, names sort ordinally, whatever the locale.
    /// </summary>
    /// <param name="files">Paths of the droplet's non-directory entries (files and links), '/'-separated, without <c>./</c>.</param>
    /// <param name="layout">The droplet's layout.</param>
    /// <param name="buildpackOrder">
    /// The CNB buildpack directories of <c>layers/</c> in their order (from <c>layers/config/metadata.toml</c>); only
    /// these run. Empty: every directory of <c>layers/</c> runs, in ordinal order.
    /// </param>
    public static IReadOnlyList<LaunchScript> Find(IEnumerable<string> files, DropletLayout layout, IReadOnlyList<string> buildpackOrder)
    {
        var execD = new List<ExecDKey>();
        var profile = new List<(int Group, string Name, string Path)>();
        foreach (var path in files)
        {
            var parts = path.Split('/');
            if (layout == DropletLayout.CloudFoundry)
            {
                switch (parts)
                {
                    case ["profile.d", var name] when !name.StartsWith('.'):
                        profile.Add((0, name, path));
                        break;
                    case ["app", ".profile.d", var name] when !name.StartsWith('.'):
                        profile.Add((1, name, path));
                        break;
                    case ["app", ".profile"]:
                        profile.Add((2, "", path));
                        break;
                    case ["deps", var index, "exec.d", .. var rest] when rest.Length is 1 or 2:
                        execD.Add(new ExecDKey(0, 0, index, "", rest.Length == 2 ? rest[0] : null, rest[^1], path));
                        break;
                }
            }
            else if (parts is [".profile.d", var script] && !script.StartsWith('.') && script.EndsWith(".sh", StringComparison.Ordinal))
            {
                profile.Add((1, script, path));
            }
            else if (parts is [".profile"])
            {
                profile.Add((2, "", path));
            }

            if (parts is ["layers", var buildpack, var layer, "exec.d", .. var tail] && tail.Length is 1 or 2
                && Rank(buildpack, buildpackOrder) is { } rank)
            {
                execD.Add(new ExecDKey(1, rank, buildpack, layer, tail.Length == 2 ? tail[0] : null, tail[^1], path));
            }
        }

        var scripts = execD
            .OrderBy(k => k.Group)
            .ThenBy(k => k.BuildpackRank)
            .ThenBy(k => k.Buildpack, StringComparer.Ordinal)
            .ThenBy(k => k.Layer, StringComparer.Ordinal)
            .ThenBy(k => k.ProcessType is null ? 0 : 1)
            .ThenBy(k => k.ProcessType, StringComparer.Ordinal)
            .ThenBy(k => k.Name, StringComparer.Ordinal)
            .Select(k => new LaunchScript(LaunchScriptKind.ExecD, k.Path, k.ProcessType))
            .ToList();
        scripts.AddRange(profile
            .OrderBy(p => p.Group)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new LaunchScript(LaunchScriptKind.Profile, p.Path, null)));
        return scripts;
    }

    /// <summary>The paths of an extracted droplet that <see cref="Find"/> looks at (a few directories, never the whole app).</summary>
    public static IReadOnlyList<string> ListCandidates(string root)
    {
        var files = new List<string>();
        void AddFiles(string relative, int depth)
        {
            var directory = new DirectoryInfo(Path.Combine(root, relative));
            if (!directory.Exists || directory.LinkTarget is not null)
            {
                return;
            }

            foreach (var entry in directory.EnumerateFileSystemInfos())
            {
                var path = relative + "/" + entry.Name;
                if (entry is DirectoryInfo && entry.LinkTarget is null)
                {
                    if (depth > 1)
                    {
                        AddFiles(path, depth - 1);
                    }
                }
                else
                {
                    files.Add(path);
                }
            }
        }

        AddFiles("profile.d", 1);
        AddFiles("app/.profile.d", 1);
        AddFiles(".profile.d", 1);
        foreach (var single in new[] { "app/.profile", ".profile" })
        {
            if (File.Exists(Path.Combine(root, single)))
            {
                files.Add(single);
            }
        }

        foreach (var index in SubDirectories(root, "deps"))
        {
            AddFiles($"deps/{index}/exec.d", 2);
        }

        foreach (var buildpack in SubDirectories(root, "layers"))
        {
            foreach (var layer in SubDirectories(root, $"layers/{buildpack}"))
            {
                AddFiles($"layers/{buildpack}/{layer}/exec.d", 2);
            }
        }

        return files;
    }

    private static IEnumerable<string> SubDirectories(string root, string relative)
    {
        var directory = new DirectoryInfo(Path.Combine(root, relative));
        return directory.Exists
            ? directory.EnumerateDirectories().Where(d => d.LinkTarget is null).Select(d => d.Name)
            : [];
    }

    private static int? Rank(string buildpack, IReadOnlyList<string> order)
    {
        if (order.Count == 0)
        {
            return buildpack is "config" or "sbom" ? null : 0;
        }

        for (var i = 0; i < order.Count; i++)
        {
            if (order[i] == buildpack)
            {
                return i;
            }
        }

        return null;
    }

    private sealed record ExecDKey(int Group, int BuildpackRank, string Buildpack, string Layer, string? ProcessType, string Name, string Path);
}
