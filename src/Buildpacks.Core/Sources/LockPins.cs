namespace Buildpacks.Core.Sources;

/// <summary>The pins a staging's lock file gives its references, by the reference text the sources are handed.</summary>
internal static class LockPins
{
    /// <summary>
    /// The pin of every reference in <paramref name="references"/>; empty without a lock file. With one, a reference
    /// it has no entry for is a coded error: a lock that covers only some buildpacks would not make a staging repeatable.
    /// </summary>
    public static Dictionary<string, BuildpackIdentity> Read(string? lockFile, IEnumerable<string> references)
    {
        var pins = new Dictionary<string, BuildpackIdentity>(StringComparer.Ordinal);
        if (lockFile is null)
        {
            return pins;
        }

        var locked = BuildpackLock.Load(lockFile);
        foreach (var text in references)
        {
            var reference = BuildpackReference.Parse(text);
            pins[text] = locked.Find(reference) ?? throw locked.NotLocked(reference);
        }

        return pins;
    }
}
