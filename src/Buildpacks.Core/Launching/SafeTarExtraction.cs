using System.Formats.Tar;
using System.Runtime.Versioning;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Files;

namespace Buildpacks.Core.Launching;

/// <summary>
/// Extracts a droplet into an empty directory in one pass over the archive. Directories, files and hard links are
/// written as they come; symbolic links are only recorded and created at the end, after each was checked against
/// all the others, so no entry is ever written through a link and no link may resolve (through other links)
/// outside the tree. The entries and the bytes they expand to are counted against <see cref="ExtractionLimits"/>
/// before each is written, so a bomb stops at the limit, not when the disk is full.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal sealed partial class SafeTarExtraction(string droplet, string root, ExtractionLimits limits)
{
    // setuid/setgid bits from an archive must not become privileged programs on this machine.
    private const UnixFileMode Dropped = UnixFileMode.SetUser | UnixFileMode.SetGroup;
    private const int MaxLinkDepth = 40;

    private readonly Dictionary<string, TarEntryType> _kinds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _links = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _linkEntryNames = new(StringComparer.Ordinal);
    private readonly List<(string Path, UnixFileMode Mode)> _directoryModes = [];
    private string _entry = "";
    private long _bytes;
    private int _entries;

    public void Run(CancellationToken cancellationToken)
    {
        using (var stream = File.OpenRead(droplet))
        using (var input = Decompressed(stream))
        using (var tar = new TarReader(input))
        {
            while (tar.GetNextEntry() is { } entry)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _entry = entry.Name;
                if (++_entries > limits.MaxEntries)
                {
                    throw OverLimit(
                        ErrorCodes.DropletTooManyEntries,
                        $"holds more than {limits.MaxEntries.ToString(System.Globalization.CultureInfo.InvariantCulture)} entries, the limit for extracting a droplet");
                }

                Add(entry);
            }
        }

        foreach (var (name, target) in _links)
        {
            _entry = _linkEntryNames[name];
            if (Resolve(Parent(name), target, 0) is null)
            {
                throw Unsafe($"its link target '{target}' points outside the droplet (or into a loop of links)");
            }
        }

        foreach (var (name, target) in _links)
        {
            File.CreateSymbolicLink(Full(name), target);
        }

        // Last, and deepest first: a read-only directory must not stop its own children from being written.
        for (var i = _directoryModes.Count - 1; i >= 0; i--)
        {
            File.SetUnixFileMode(_directoryModes[i].Path, _directoryModes[i].Mode & ~Dropped);
        }
    }

    private void Add(TarEntry entry)
    {
        _entry = entry.Name;
        if (entry.EntryType is TarEntryType.GlobalExtendedAttributes or TarEntryType.ExtendedAttributes)
        {
            return;
        }

        var name = Normalize(entry.Name);
        if (name.Length == 0)
        {
            if (entry.EntryType != TarEntryType.Directory)
            {
                throw Unsafe("it replaces the droplet's root directory");
            }

            return;
        }

        CreateParents(name);
        switch (entry.EntryType)
        {
            case TarEntryType.Directory:
                Claim(name, TarEntryType.Directory);
                Directory.CreateDirectory(Full(name));
                _directoryModes.Add((Full(name), entry.Mode));
                break;
            case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                Claim(name, TarEntryType.RegularFile);
                Count(entry.Length);
                WriteFile(name, entry);
                break;
            case TarEntryType.HardLink:
                var source = Normalize(entry.LinkName);
                if (!_kinds.TryGetValue(source, out var sourceKind) || sourceKind != TarEntryType.RegularFile)
                {
                    throw Unsafe($"it is a hard link to '{entry.LinkName}', which is no regular file extracted before it");
                }

                Claim(name, TarEntryType.RegularFile);
                Count(new FileInfo(Full(source)).Length);
                File.Copy(Full(source), Full(name), overwrite: true);
                File.SetUnixFileMode(Full(name), File.GetUnixFileMode(Full(source)));
                break;
            case TarEntryType.SymbolicLink:
                if (entry.LinkName.Length == 0 || entry.LinkName.StartsWith('/'))
                {
                    throw Unsafe($"its link target '{entry.LinkName}' is absolute or empty, so it points outside the droplet");
                }

                Claim(name, TarEntryType.SymbolicLink);
                _links[name] = entry.LinkName;
                _linkEntryNames[name] = entry.Name;
                break;
            default:
                throw Unsafe($"it is a {entry.EntryType} entry; droplets hold only directories, files and links");
        }
    }

    private void WriteFile(string name, TarEntry entry)
    {
        var path = Full(name);
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            entry.DataStream?.CopyTo(file);
        }

        File.SetUnixFileMode(path, entry.Mode & ~Dropped);
    }

    /// <summary>Counts a file's bytes before it is written: the limit holds even for the entry that crosses it.</summary>
    private void Count(long length)
    {
        _bytes += length;
        if (_bytes > limits.MaxBytes)
        {
            throw OverLimit(ErrorCodes.DropletTooLarge, $"expands to more than {ByteSizeText.Format(limits.MaxBytes)}, the limit for extracting a droplet");
        }
    }

    /// <summary>Every ancestor must be (or become) a real directory: nothing is ever written below a file or a link.</summary>
    private void CreateParents(string name)
    {
        for (var slash = name.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = name.IndexOf('/', slash + 1))
        {
            var ancestor = name[..slash];
            if (!_kinds.TryGetValue(ancestor, out var kind))
            {
                _kinds[ancestor] = TarEntryType.Directory;
                Directory.CreateDirectory(Full(ancestor));
            }
            else if (kind != TarEntryType.Directory)
            {
                throw Unsafe($"it lies below the {Describe(kind)} '{ancestor}'");
            }
        }
    }

    /// <summary>The same name may repeat (a later file replaces an earlier one), but never change kind.</summary>
    private void Claim(string name, TarEntryType kind)
    {
        if (_kinds.TryGetValue(name, out var existing) && (existing != kind || kind == TarEntryType.SymbolicLink))
        {
            throw Unsafe($"it replaces the {Describe(existing)} of the same name");
        }

        _kinds[name] = kind;
    }

    /// <summary>
    /// Follows <paramref name="target"/> from the directory <paramref name="from"/> the way the kernel would,
    /// expanding the archive's own links on the way; null when it leaves the tree (or loops).
    /// </summary>
    private List<string>? Resolve(List<string> from, string target, int depth)
    {
        if (depth > MaxLinkDepth || target.StartsWith('/'))
        {
            return null;
        }

        var parts = new List<string>(from);
        foreach (var part in target.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
            if (_links.TryGetValue(string.Join('/', parts), out var inner))
            {
                parts.RemoveAt(parts.Count - 1);
                if (Resolve(parts, inner, depth + 1) is not { } resolved)
                {
                    return null;
                }

                parts = resolved;
            }
        }

        return parts;
    }

    private string Normalize(string entryName)
    {
        if (entryName.StartsWith('/'))
        {
            throw Unsafe("its name is absolute");
        }

        var parts = new List<string>();
        foreach (var part in entryName.Split('/'))
        {
            if (part == "..")
            {
                throw Unsafe("its name contains '..'");
            }

            if (part is not ("" or "."))
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    private static List<string> Parent(string name) => [.. name.Split('/')[..^1]];

    private string Full(string name) => Path.Combine(root, name);

    private static string Describe(TarEntryType kind) => kind switch
    {
        TarEntryType.Directory => "directory",
        TarEntryType.SymbolicLink => "symbolic link",
        _ => "file",
    };

    private BuildpackException OverLimit(string code, string reason) => new(
        code,
        $"The droplet '{droplet}' {reason} (stopped at entry '{_entry}'). Nothing was extracted or run. A real droplet is rarely " +
        "this large: check where it came from. If it is genuine, raise the limit (buildpacks run --max-extract-size / --max-extract-entries).",
        droplet);

    private BuildpackException Unsafe(string reason) => _unsafeEntry?.Invoke(_entry, reason) ?? new(
        ErrorCodes.UnsafeDropletEntry,
        $"The droplet '{droplet}' holds the unsafe entry '{_entry}': {reason}. Nothing was extracted or run. " +
        "Droplets written by 'buildpacks stage' never hold such entries: restage the app, or check where this droplet came from.",
        droplet);
}
