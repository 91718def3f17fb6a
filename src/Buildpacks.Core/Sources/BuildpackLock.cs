using System.Globalization;
using System.Text.Json;
using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Sources;

/// <summary>
/// <c>buildpacks.lock.json</c>: for each buildpack reference, the exact version a staging must use. Keys are the
/// references as they may be shown (a URL redacted, a local directory relative to the lock file), so the file holds
/// no secret and moves with the repository. It is written sorted and indented, and an entry whose identity did not
/// change keeps its time, so refreshing an unchanged lock rewrites the same bytes.
/// </summary>
public sealed class BuildpackLock
{
    /// <summary>The lock file's name when none is given: next to the app (or, for MSBuild, the project).</summary>
    public const string DefaultFileName = "buildpacks.lock.json";

    private const int FormatVersion = 1;

    private readonly SortedDictionary<string, LockedBuildpack> _entries;

    private BuildpackLock(string path, SortedDictionary<string, LockedBuildpack> entries)
    {
        Path = path;
        _entries = entries;
    }

    /// <summary>The lock file's absolute path.</summary>
    public string Path { get; }

    /// <summary>The entries by key, sorted.</summary>
    public IReadOnlyDictionary<string, LockedBuildpack> Entries => _entries;

    /// <summary>An empty lock that would be written to <paramref name="path"/>.</summary>
    public static BuildpackLock Empty(string path) => new(System.IO.Path.GetFullPath(path), new SortedDictionary<string, LockedBuildpack>(StringComparer.Ordinal));

    /// <summary>Reads the lock file at <paramref name="path"/>; a coded error when it is not one.</summary>
    public static BuildpackLock Load(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var entries = new SortedDictionary<string, LockedBuildpack>(StringComparer.Ordinal);
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(full));
            var root = json.RootElement;
            if (root.GetProperty("version").GetInt32() != FormatVersion)
            {
                throw Invalid(full, $"it has version {root.GetProperty("version").GetInt32()}, and this engine reads version {FormatVersion}");
            }

            foreach (var entry in root.GetProperty("buildpacks").EnumerateObject())
            {
                var identity = new BuildpackIdentity(Text(entry.Value, "kind"), Text(entry.Value, "value"));
                entries[entry.Name] = new LockedBuildpack(identity, entry.Value.TryGetProperty("resolved_at", out var at) ? at.GetString() ?? "" : "");
            }
        }
        catch (FileNotFoundException)
        {
            throw NotFound(full);
        }
        catch (DirectoryNotFoundException)
        {
            throw NotFound(full);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw Invalid(full, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Invalid(full, ex.Message);
        }

        return new BuildpackLock(full, entries);
    }

    /// <summary>
    /// The key of a reference in this lock: a URL as <see cref="BuildpackReference.Display"/> shows it (credentials
    /// hidden), a local directory or archive file as its path relative to the lock file's directory, with <c>/</c>.
    /// </summary>
    internal string KeyOf(BuildpackReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (!reference.IsLocal || reference.IsSecret)
        {
            return reference.Display;
        }

        var relative = System.IO.Path.GetRelativePath(System.IO.Path.GetDirectoryName(Path)!, reference.Location);
        return relative.Replace(System.IO.Path.DirectorySeparatorChar, '/');
    }

    /// <summary>The identity the lock pins <paramref name="reference"/> to, or null when it has no entry.</summary>
    internal BuildpackIdentity? Find(BuildpackReference reference) =>
        _entries.TryGetValue(KeyOf(reference), out var locked) ? locked.Identity : null;

    /// <summary>
    /// A lock at the same path with exactly <paramref name="resolved"/>: an entry whose identity is unchanged keeps
    /// the time it was first resolved; a new or changed one gets <paramref name="now"/>.
    /// </summary>
    internal BuildpackLock Refreshed(IEnumerable<(BuildpackReference Reference, BuildpackIdentity Identity)> resolved, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        var at = now.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var entries = new SortedDictionary<string, LockedBuildpack>(StringComparer.Ordinal);
        foreach (var (reference, identity) in resolved)
        {
            var key = KeyOf(reference);
            entries[key] = _entries.TryGetValue(key, out var old) && old.Identity == identity ? old : new LockedBuildpack(identity, at);
        }

        return new BuildpackLock(Path, entries);
    }

    /// <summary>Writes the lock file atomically: a reader sees the old file or the new one, never half of one.</summary>
    public void Write()
    {
        var temporary = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, "." + System.IO.Path.GetFileName(Path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            File.WriteAllBytes(temporary, ToJson());
            File.Move(temporary, Path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Files.DirectoryRemover.DeleteQuietly(temporary);
            throw new BuildpackException(
                ErrorCodes.LockFileWriteFailed,
                $"The lock file '{Path}' cannot be written: {ex.Message}. Check that its directory exists and is writable, or name another file with --lock-file.",
                Path,
                CfExitCodes.Other,
                ex);
        }
    }

    /// <summary>The file's bytes: UTF-8 JSON, two-space indent, keys sorted, a final newline.</summary>
    public byte[] ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", FormatVersion);
            writer.WriteStartObject("buildpacks");
            foreach (var (key, locked) in _entries)
            {
                writer.WriteStartObject(key);
                writer.WriteString("kind", locked.Identity.Kind);
                writer.WriteString("value", locked.Identity.Value);
                writer.WriteString("resolved_at", locked.ResolvedAt);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        stream.Write("\n"u8);
        return stream.ToArray();
    }

    /// <summary>The error for a reference the lock has no entry for.</summary>
    internal BuildpackException NotLocked(BuildpackReference reference) => new(
        ErrorCodes.NotInLockFile,
        $"The buildpack '{reference.Display}' is not in the lock file '{Path}' (as '{KeyOf(reference)}'). " +
        "Refresh the lock with every buildpack the staging uses: buildpacks lock APP_DIR --buildpack REF... (and --lock-file when it is not APP_DIR/" + DefaultFileName + ").",
        Path);

    private static string Text(JsonElement element, string name) =>
        element.GetProperty(name).GetString() is { Length: > 0 } text ? text : throw new FormatException($"'{name}' is empty");

    private static BuildpackException NotFound(string path) => new(
        ErrorCodes.LockFileNotFound,
        $"The lock file '{path}' does not exist. Write it with: buildpacks lock APP_DIR --buildpack REF... --lock-file {path}, or leave the lock file setting out.",
        path);

    private static BuildpackException Invalid(string path, string why) => new(
        ErrorCodes.LockFileInvalid,
        $"The lock file '{path}' cannot be read: {why}. Write it again with: buildpacks lock APP_DIR --buildpack REF...",
        path);
}
