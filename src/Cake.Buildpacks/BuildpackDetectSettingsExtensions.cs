namespace Cake.Buildpacks;

/// <summary>Fluent setters for <see cref="BuildpackDetectSettings"/>.</summary>
public static class BuildpackDetectSettingsExtensions
{
    /// <summary>Adds a candidate buildpack after the ones already given.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="reference">The buildpack directory, relative to the working directory or absolute.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackDetectSettings WithCandidate(this BuildpackDetectSettings settings, string reference)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Candidates.Add(reference);
        return settings;
    }
}
