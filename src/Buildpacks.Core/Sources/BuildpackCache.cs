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
/// Writers take a file lock per reference, so stagings in several processes fetch a new URL once.
/// </summary>
public sealed class BuildpackCache
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

    /// <summary>Copies an installed tree into a staging's own directory: buildpacks write next to themselves.</summary>
    public static void CopyOut(string tree, string destination) => DirectoryCopier.Copy(tree, destination);

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
