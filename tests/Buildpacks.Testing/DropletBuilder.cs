using System.Text;
using System.Text.Json;
using Buildpacks.Core.Droplets;

namespace Buildpacks.Testing;

/// <summary>
/// Builds a droplet file by file and packs it with the engine's own <see cref="DropletWriter"/>: a Cloud Foundry
/// droplet (<c>app/ deps/ profile.d/ tmp/ logs/ staging_info.yml</c>) or a Heroku slug (app at the root, <c>.release</c>).
/// </summary>
public sealed class DropletBuilder
{
    private readonly TempDirectory _temp;
    private readonly bool _isSlug;
    private readonly SortedDictionary<string, string> _processTypes = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string> _configVars = new(StringComparer.Ordinal);
    private string? _entrypointPrefix;
    private bool _startCommandOnly;

    private DropletBuilder(TempDirectory temp, bool isSlug)
    {
        _temp = temp;
        _isSlug = isSlug;
        Root = temp.Combine("tree-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(Root);
        if (!isSlug)
        {
            foreach (var directory in new[] { "app", "deps", "profile.d", "tmp", "logs" })
            {
                System.IO.Directory.CreateDirectory(Path.Combine(Root, directory));
            }
        }
    }

    /// <summary>The directory that becomes the droplet's <c>./</c>.</summary>
    public string Root { get; }

    public static DropletBuilder CloudFoundry(TempDirectory temp) => new(temp, isSlug: false);

    public static DropletBuilder Slug(TempDirectory temp) => new(temp, isSlug: true);

    public DropletBuilder Process(string type, string command)
    {
        _processTypes[type] = command;
        return this;
    }

    public DropletBuilder ConfigVar(string name, string value)
    {
        _configVars[name] = value;
        return this;
    }

    public DropletBuilder EntrypointPrefix(string prefix)
    {
        _entrypointPrefix = prefix;
        return this;
    }

    /// <summary>Writes staging_info.yml as a droplet staged by Cloud Foundry itself: only <c>start_command</c> (the <c>web</c> type).</summary>
    public DropletBuilder StartCommandOnly()
    {
        _startCommandOnly = true;
        return this;
    }

    public DropletBuilder File(string path, string content, UnixFileMode mode = (UnixFileMode)0b110_100_100)
    {
        var full = Path.Combine(Root, path);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, content);
        System.IO.File.SetUnixFileMode(full, mode);
        return this;
    }

    public DropletBuilder Executable(string path, string script) => File(path, script, (UnixFileMode)0b111_101_101);

    public DropletBuilder Link(string path, string target)
    {
        var full = Path.Combine(Root, path);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        System.IO.File.CreateSymbolicLink(full, target);
        return this;
    }

    public DropletBuilder Directory(string path)
    {
        System.IO.Directory.CreateDirectory(Path.Combine(Root, path));
        return this;
    }

    /// <summary>Writes the metadata and packs the droplet; returns its path.</summary>
    public string Pack(string name = "app.droplet.tgz")
    {
        if (_isSlug)
        {
            var release = new StringBuilder("---\n");
            AppendYamlMap(release, "config_vars", _configVars);
            AppendYamlMap(release, "default_process_types", _processTypes);
            System.IO.File.WriteAllText(Path.Combine(Root, ".release"), release.ToString());
        }
        else
        {
            var info = new Dictionary<string, object>
            {
                ["detected_buildpack"] = "test",
                ["start_command"] = _processTypes.GetValueOrDefault("web", ""),
            };
            if (_entrypointPrefix is not null)
            {
                info["config"] = new Dictionary<string, string> { ["entrypoint_prefix"] = _entrypointPrefix };
            }

            if (!_startCommandOnly)
            {
                info["process_types"] = _processTypes;
                info["config_vars"] = _configVars;
            }

            System.IO.File.WriteAllText(Path.Combine(Root, "staging_info.yml"), JsonSerializer.Serialize(info));
        }

        var output = _temp.Combine("droplets", Guid.NewGuid().ToString("N")[..8], name);
        return DropletWriter.Write(Root, output, DropletWriter.DefaultTimestamp).Path;
    }

    private static void AppendYamlMap(StringBuilder yaml, string key, IReadOnlyDictionary<string, string> map)
    {
        yaml.Append(key).Append(':').Append(map.Count == 0 ? " {}\n" : "\n");
        foreach (var (name, value) in map)
        {
            yaml.Append("  ").Append(name).Append(": ").Append(JsonSerializer.Serialize(value)).Append('\n');
        }
    }
}
