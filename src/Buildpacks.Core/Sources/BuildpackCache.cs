using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Files;

namespace Buildpacks.Core.Sources;

/// <summary>
/// Fetched buildpacks shared by every staging of the user. An entry is a buildpack tree under
/// <c>entries/KEY/</c>, KEY a hash of the redacted URL (without its #ref) and the identity (commit or archive digest); it appears by
/// one rename of a directory filled beside it, so no staging ever sees half an entry. A pin under <c>pins/</c>
/// remembers which identity a reference (URL and ref) resolved to, so a warm or offline staging needs no network.
/// Writers take a file lock per reference, so stagings in several processes fetch a new URL once; a staging copying an
/// entry out holds that entry's lock shared, and a prune takes it exclusively or leaves the entry alone.
/// </summary>
internal sealed class BuildpackCache
{
    private const string EntryTree = "buildpack";
    private const string EntryInfo = "entry.json";

    /// <summary>Opens (and creates) the cache at <paramref name="root"/>.</summary>
    public BuildpackCache(string root)
    {
        Root = Path.GetFullPath(root);
        try
        {
            Directory.CreateDirectory(Path.Combine(Root, "entries"));
            Directory.CreateDirectory(Path.Combine(Root, "pins"));
            Directory.CreateDirectory(Path.Combine(Root, "locks"));
            Directory.CreateDirectory(Path.Combine(Root, "tmp"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Failed(ex);
        }
    }

    /// <summary>The cache's directory.</summary>
    public string Root { get; }

    /// <summary>
    /// The cache directory when none is configured: <c>BUILDPACKS_CACHE</c>, else <c>$XDG_CACHE_HOME/buildpacks</c>,
    /// else <c>~/.cache/buildpacks</c>.
    /// </summary>
    public static string DefaultRoot(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment("BUILDPACKS_CACHE") is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        if (environment("XDG_CACHE_HOME") is { Length: > 0 } xdg)
        {
            return Path.Combine(xdg, "buildpacks");
        }

        var home = environment("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".cache", "buildpacks");
    }

    /// <summary>Whether the environment asks for offline stagings (<c>BUILDPACKS_OFFLINE=1</c> or <c>true</c>).</summary>
    public static bool OfflineByEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment("BUILDPACKS_OFFLINE")?.Trim().ToLowerInvariant() is "1" or "true" or "yes";
    }

    /// <summary>The cache a source uses for <paramref name="context"/>: its root, or the default one.</summary>
    public static BuildpackCache For(SourceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new BuildpackCache(context.CacheRoot ?? DefaultRoot(Environment.GetEnvironmentVariable));
    }

    /// <summary>Whether a source must not use the network: the context says so, or <c>BUILDPACKS_OFFLINE</c>.</summary>
    public static bool IsOffline(SourceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Offline || OfflineByEnvironment(Environment.GetEnvironmentVariable);
    }

    /// <summary>
    /// The key of a reference for pins and locks: a hash of the URL as given (credentials included, since two
    /// tokens may serve two things) and the ref. Only the hash is ever written, never the URL.
    /// </summary>
    public static string ReferenceKey(BuildpackReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return Hash(reference.Location + "#" + reference.Ref);
    }

    /// <summary>The installed tree of the entry for this URL and identity, or null when there is none.</summary>
    public string? Find(BuildpackReference reference, BuildpackIdentity identity)
    {
        var tree = Path.Combine(EntryDirectory(reference, identity), EntryTree);
        return Directory.Exists(tree) ? tree : null;
    }

    /// <summary>The identity the reference resolved to the last time it was fetched, or null.</summary>
    public BuildpackIdentity? FindPin(BuildpackReference reference)
    {
        var pin = PinFile(reference);
        if (!File.Exists(pin))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(pin));
            return new BuildpackIdentity(json.RootElement.GetProperty("kind").GetString()!, json.RootElement.GetProperty("value").GetString()!);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            // A pin is only a shortcut: an unreadable one is as good as none.
            return null;
        }
    }

    /// <summary>Records (atomically) which identity the reference resolved to.</summary>
    public void Pin(BuildpackReference reference, BuildpackIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(identity);
        WriteAtomically(PinFile(reference), writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("reference", reference.Display);
            writer.WriteString("kind", identity.Kind);
            writer.WriteString("value", identity.Value);
            writer.WriteString("resolved_at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        });
    }

    /// <summary>
    /// Waits for the lock of one reference, shared with every process using this cache; disposing releases it.
    /// The lock is the open file itself, so a crashed process never leaves it held.
    /// </summary>
    public async Task<IDisposable> LockAsync(BuildpackReference reference, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Root, "locks", ReferenceKey(reference) + ".lock");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                // FileShare.None takes an exclusive advisory lock (flock) that other processes see too.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(Math.Min(20 + (attempt * 10), 250), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A new empty directory on the cache's file system, for filling an entry before it is installed.</summary>
    public string NewScratchDirectory()
    {
        var path = Path.Combine(Root, "tmp", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>
    /// Installs <paramref name="tree"/> (a directory on the cache's file system, moved, not copied) as the entry for
    /// this URL and identity, and returns the installed tree. An entry that is already there wins.
    /// </summary>
    public string Install(BuildpackReference reference, BuildpackIdentity identity, string tree)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(identity);
        var entry = EntryDirectory(reference, identity);
        var staged = NewScratchDirectory();
        try
        {
            Directory.Move(tree, Path.Combine(staged, EntryTree));
            WriteJson(Path.Combine(staged, EntryInfo), writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("reference", reference.Display);
                writer.WriteString("identity", identity.ToString());
                writer.WriteString("fetched_at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                writer.WriteEndObject();
            });
            if (!Directory.Exists(entry))
            {
                Directory.Move(staged, entry);
            }
        }
        catch (Exception ex) when ((ex is IOException or UnauthorizedAccessException) && !Directory.Exists(entry))
        {
            throw Failed(ex);
        }
        finally
        {
            DirectoryRemover.DeleteQuietly(staged);
        }

        return Path.Combine(entry, EntryTree);
    }

    /// <summary>
    /// Copies the entry for this URL and identity into <paramref name="destination"/> while holding the entry's
    /// shared lock, so a prune cannot remove it mid-copy, and marks it used. False when there is no such entry.
    /// </summary>
    public async Task<bool> TryCopyOutAsync(BuildpackReference reference, BuildpackIdentity identity, string destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(identity);
        var entry = EntryDirectory(reference, identity);
        if (!Directory.Exists(Path.Combine(entry, EntryTree)))
        {
            return false;
        }

        using var hold = await HoldEntryAsync(Path.GetFileName(entry), cancellationToken).ConfigureAwait(false);
        var tree = Path.Combine(entry, EntryTree);

        // A prune may have removed it between the look and the lock.
        if (!Directory.Exists(tree))
        {
            return false;
        }

        DirectoryCopier.Copy(tree, destination);
        MarkUsed(entry);
        return true;
    }

    /// <summary>Every entry, most recently used first.</summary>
    public IReadOnlyList<BuildpackCacheEntry> List()
    {
        var entries = new List<BuildpackCacheEntry>();
        foreach (var entry in Directory.EnumerateDirectories(Path.Combine(Root, "entries")))
        {
            var info = Path.Combine(entry, EntryInfo);
            try
            {
                using var json = JsonDocument.Parse(File.ReadAllText(info));
                entries.Add(new BuildpackCacheEntry(
                    Path.GetFileName(entry),
                    json.RootElement.GetProperty("reference").GetString() ?? "",
                    json.RootElement.GetProperty("identity").GetString() ?? "",
                    SizeOf(Path.Combine(entry, EntryTree)),
                    new DateTimeOffset(File.GetLastWriteTimeUtc(info), TimeSpan.Zero)));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                // An entry being pruned or one without its description: nothing to show.
            }
        }

        return [.. entries.OrderByDescending(e => e.LastUsed).ThenBy(e => e.Key, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Removes the entries last used before <paramref name="cutoff"/>, skipping any a staging is copying out right
    /// now (its shared lock is held); returns the removed ones. An entry goes by one rename out of <c>entries/</c>,
    /// so a staging never sees half of one.
    /// </summary>
    public IReadOnlyList<BuildpackCacheEntry> Prune(DateTimeOffset cutoff)
    {
        var removed = new List<BuildpackCacheEntry>();
        foreach (var entry in List().Where(e => e.LastUsed < cutoff))
        {
            var directory = Path.Combine(Root, "entries", entry.Key);
            FileStream? exclusive;
            try
            {
                // FileShare.None takes the exclusive lock without waiting: a staging holding it shared keeps its entry.
                exclusive = new FileStream(EntryLockPath(entry.Key), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                continue;
            }

            string doomed;
            using (exclusive)
            {
                // Used since it was listed: keep it.
                var info = Path.Combine(directory, EntryInfo);
                if (!File.Exists(info) || File.GetLastWriteTimeUtc(info) >= cutoff.UtcDateTime)
                {
                    continue;
                }

                doomed = Path.Combine(Root, "tmp", "pruned-" + Guid.NewGuid().ToString("N"));
                try
                {
                    Directory.Move(directory, doomed);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw Failed(ex);
                }
            }

            DirectoryRemover.DeleteQuietly(doomed);
            removed.Add(entry);
        }

        return removed;
    }

    /// <summary>Holds the entry's shared lock until disposed: what a staging holds while it copies the entry out.</summary>
    internal async Task<IDisposable> HoldEntryAsync(string key, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                // Read access with sharing takes a shared advisory lock (flock LOCK_SH): readers never block each other.
                return new FileStream(EntryLockPath(key), FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite);
            }
            catch (IOException) when (!cancellationToken.IsCancellationRequested)
            {
                // A prune holds it only for the moment it takes to rename the entry away.
                await Task.Delay(Math.Min(10 + attempt, 100), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The key (directory name) of the entry for this URL and identity.</summary>
    internal string EntryKey(BuildpackReference reference, BuildpackIdentity identity) => Path.GetFileName(EntryDirectory(reference, identity));

    private string EntryLockPath(string key) => Path.Combine(Root, "locks", "entry-" + key + ".lock");

    // The description's time is the entry's last use; a cache on a read-only copy simply keeps its times.
    private static void MarkUsed(string entry)
    {
        try
        {
            File.SetLastWriteTimeUtc(Path.Combine(entry, EntryInfo), DateTime.UtcNow);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not knowing when it was last used only makes a prune keep or drop it a little early or late.
        }
    }

    private static long SizeOf(string tree) =>
        Directory.Exists(tree)
            ? new DirectoryInfo(tree).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true })
                .Where(file => file.LinkTarget is null)
                .Sum(file => file.Length)
            : 0;

    /// <summary>
    /// The time before which <c>cache prune</c> removes entries: <paramref name="now"/> less <paramref name="olderThan"/>
    /// (<c>30d</c>, <c>12h</c>, <c>90m</c>, seconds); blank: every entry.
    /// </summary>
    public static DateTimeOffset PruneCutoff(string? olderThan, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(olderThan))
        {
            return DateTimeOffset.MaxValue;
        }

        return Staging.DurationText.TryParse(olderThan, out var age) && age < now - DateTimeOffset.UnixEpoch
            ? now - age
            : throw new BuildpackException(
                ErrorCodes.InvalidCacheAge,
                $"--older-than '{olderThan}' is not an age. Write e.g. 30d, 12h, 90m or a number of seconds.");
    }

    // The URL without its #ref: a tag and the commit it names share one entry.
    private string EntryDirectory(BuildpackReference reference, BuildpackIdentity identity) =>
        Path.Combine(Root, "entries", Hash(Redaction.RedactUrl(reference.Location) + "\n" + identity));

    private string PinFile(BuildpackReference reference) => Path.Combine(Root, "pins", ReferenceKey(reference) + ".json");

    private void WriteAtomically(string path, Action<Utf8JsonWriter> write)
    {
        var temporary = Path.Combine(Root, "tmp", Guid.NewGuid().ToString("N") + ".json");
        try
        {
            WriteJson(temporary, write);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Failed(ex);
        }
    }

    private static void WriteJson(string path, Action<Utf8JsonWriter> write)
    {
        using var stream = File.Create(path);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        write(writer);
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];

    private BuildpackException Failed(Exception ex) => new(
        ErrorCodes.BuildpackCacheFailed,
        $"The buildpack cache '{Root}' cannot be written: {ex.Message}. Give a writable directory with --buildpack-cache (or BUILDPACKS_CACHE).",
        Root,
        CfExitCodes.Other,
        ex);
}
