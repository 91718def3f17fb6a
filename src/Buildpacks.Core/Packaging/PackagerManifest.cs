using Buildpacks.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Buildpacks.Core.Packaging;

/// <summary>
/// A buildpack's manifest.yml as Cloud Foundry's packager reads it. The whole document is kept as loaded
/// (<see cref="Document"/>) so the packaged manifest carries every key, known or not.
/// </summary>
internal sealed class PackagerManifest
{
    private PackagerManifest(string file, IDictionary<object, object?> document)
    {
        File = file;
        Document = document;
    }

    /// <summary>The manifest file read.</summary>
    public string File { get; }

    /// <summary>The whole YAML document, as nested dictionaries and lists.</summary>
    public IDictionary<object, object?> Document { get; }

    /// <summary>The <c>language</c> field.</summary>
    public string Language => Text("language") ?? throw Missing("language", "the buildpack's language, as in 'language: dotnet-core'");

    /// <summary>The <c>stack</c> field, when the buildpack is for one stack only.</summary>
    public string? Stack => Text("stack");

    /// <summary>The <c>pre_package</c> command, run in a copy of the buildpack before zipping.</summary>
    public string? PrePackage => Text("pre_package");

    /// <summary>Glob patterns of files left out of the zip.</summary>
    public IReadOnlyList<string> ExcludeFiles => Strings("exclude_files");

    /// <summary>When given, only these files (relative paths) go into the zip, with manifest.yml.</summary>
    public IReadOnlyList<string> IncludeFiles => Strings("include_files");

    /// <summary>The <c>dependencies</c>, in manifest order.</summary>
    public IReadOnlyList<ManifestDependency> Dependencies => Maps("dependencies").Select((map, index) => new ManifestDependency(
        Field(map, "name") ?? throw Missing($"dependencies[{index}].name", "the dependency's name"),
        Field(map, "version") ?? throw Missing($"dependencies[{index}].version", "the dependency's version"),
        Field(map, "uri") ?? throw Missing($"dependencies[{index}].uri", "where to download the dependency"),
        Field(map, "sha256"),
        Field(map, "md5"),
        map.TryGetValue("cf_stacks", out var stacks) && stacks is IEnumerable<object?> list ? [.. list.Select(s => s?.ToString() ?? "")] : [],
        map)).ToList();

    /// <summary>The <c>default_versions</c> entries (name, version), in manifest order.</summary>
    public IReadOnlyList<(string Name, string Version)> DefaultVersions => [.. Maps("default_versions").Select(map => (Field(map, "name") ?? "", Field(map, "version") ?? ""))];

    /// <summary>The <c>dependency_deprecation_dates</c> entries (name, version line, date).</summary>
    public IReadOnlyList<(string Name, string VersionLine, string Date)> DeprecationDates =>
        [.. Maps("dependency_deprecation_dates").Select(map => (Field(map, "name") ?? "", Field(map, "version_line") ?? "", Field(map, "date") ?? ""))];

    /// <summary>Reads <paramref name="file"/>; a missing file or invalid YAML is a coded error.</summary>
    public static PackagerManifest Load(string file)
    {
        if (!System.IO.File.Exists(file))
        {
            throw new BuildpackException(ErrorCodes.PackagerManifestInvalid, $"There is no manifest at '{file}'. A buildpack to package needs a manifest.yml (language, dependencies).", file);
        }

        try
        {
            var document = new DeserializerBuilder().Build().Deserialize<Dictionary<object, object?>>(System.IO.File.ReadAllText(file));
            return new PackagerManifest(file, document ?? []);
        }
        catch (YamlException ex)
        {
            throw new BuildpackException(ErrorCodes.PackagerManifestInvalid, $"The manifest '{file}' is not valid YAML: {ex.Message}. Fix the line it names.", file, inner: ex);
        }
    }

    /// <summary>The document as YAML, for the packaged copy.</summary>
    public string Serialize() => new SerializerBuilder().Build().Serialize(Document);

    private string? Text(string key) => Field(Document, key);

    private static string? Field(IDictionary<object, object?> map, string key) =>
        map.TryGetValue(key, out var value) && value is string text && text.Length > 0 ? text : null;

    private IReadOnlyList<string> Strings(string key) =>
        Document.TryGetValue(key, out var value) && value is IEnumerable<object?> list ? [.. list.Select(item => item?.ToString() ?? "")] : [];

    private IEnumerable<IDictionary<object, object?>> Maps(string key) =>
        Document.TryGetValue(key, out var value) && value is IEnumerable<object?> list
            ? list.OfType<IDictionary<object, object?>>()
            : [];

    private BuildpackException Missing(string field, string what) =>
        new(ErrorCodes.PackagerFieldMissing, $"The manifest '{File}' has no '{field}': add {what}.", File);
}
