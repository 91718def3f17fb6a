using System.Globalization;
using System.Text.Json;
using Buildpacks.Core.Droplets;
using Buildpacks.Core.Requests;
using Buildpacks.Core.Staging;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Buildpacks.Tasks;

/// <summary>
/// What the build reports about a droplet (the <c>GeneratedDroplet</c> item), kept in <c>obj/</c> beside
/// it: a publish that skips staging reports the same item without reading the whole droplet again.
/// </summary>
internal sealed record DropletRecord(
    string Path,
    long Size,
    long LastWriteTicks,
    string Sha256,
    DropletLayout Layout,
    string DetectedBuildpack,
    IReadOnlyDictionary<string, string> ProcessTypes)
{
    public static DropletRecord From(StagingResult result) => new(
        result.DropletPath,
        result.Size,
        File.GetLastWriteTimeUtc(result.DropletPath).Ticks,
        result.Sha256,
        result.Layout,
        result.DetectedBuildpack,
        result.ProcessTypes);

    public static DropletRecord From(DropletInfo info) => new(
        info.Path,
        info.Size,
        File.GetLastWriteTimeUtc(info.Path).Ticks,
        info.Sha256,
        info.Layout,
        info.DetectedBuildpack,
        info.ProcessTypes);

    /// <summary>Whether the droplet on disk is still the one this record describes.</summary>
    public bool Describes(string dropletPath)
    {
        var file = new FileInfo(dropletPath);
        return file.Exists && file.FullName == Path && file.Length == Size && file.LastWriteTimeUtc.Ticks == LastWriteTicks;
    }

    /// <summary>The <c>GeneratedDroplet</c> item: the droplet's path with its sha256, size, layout, buildpack and process types.</summary>
    public ITaskItem ToTaskItem()
    {
        var item = new TaskItem(Path);
        item.SetMetadata("Sha256", Sha256);
        item.SetMetadata("Size", Size.ToString(CultureInfo.InvariantCulture));
        item.SetMetadata("Layout", StagingNames.LayoutName(Layout));
        item.SetMetadata("DetectedBuildpack", DetectedBuildpack);
        item.SetMetadata("ProcessTypes", string.Join(";", ProcessTypes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")));
        return item;
    }

    public void Write(string file)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(file))!);
        using var stream = File.Create(file);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("path", Path);
        json.WriteNumber("size", Size);
        json.WriteNumber("lastWriteTicks", LastWriteTicks);
        json.WriteString("sha256", Sha256);
        json.WriteString("layout", Layout.ToString());
        json.WriteString("detectedBuildpack", DetectedBuildpack);
        json.WriteStartObject("processTypes");
        foreach (var (type, command) in ProcessTypes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            json.WriteString(type, command);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>Reads a record; null when the file is missing or not a record (an older format, a crash mid-write).</summary>
    public static DropletRecord? TryRead(string file)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            var root = document.RootElement;
            var types = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var type in root.GetProperty("processTypes").EnumerateObject())
            {
                types[type.Name] = type.Value.GetString() ?? "";
            }

            return new DropletRecord(
                root.GetProperty("path").GetString() ?? "",
                root.GetProperty("size").GetInt64(),
                root.GetProperty("lastWriteTicks").GetInt64(),
                root.GetProperty("sha256").GetString() ?? "",
                Enum.Parse<DropletLayout>(root.GetProperty("layout").GetString() ?? ""),
                root.GetProperty("detectedBuildpack").GetString() ?? "",
                types);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException or FormatException)
        {
            return null;
        }
    }
}
