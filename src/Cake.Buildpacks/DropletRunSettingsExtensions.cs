namespace Cake.Buildpacks;

/// <summary>Fluent setters for <see cref="DropletRunSettings"/>.</summary>
public static class DropletRunSettingsExtensions
{
    /// <summary>Sets the process type to start.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="processType">A process type of the droplet, e.g. <c>web</c> or <c>worker</c>.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static DropletRunSettings SetProcessType(this DropletRunSettings settings, string processType)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.ProcessType = processType;
        return settings;
    }

    /// <summary>Sets the port given to the app as <c>PORT</c>.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="port">A free TCP port.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static DropletRunSettings SetPort(this DropletRunSettings settings, int port)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Port = port;
        return settings;
    }

    /// <summary>Adds or replaces a variable of the app's environment.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="name">The variable's name.</param>
    /// <param name="value">Its value.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static DropletRunSettings WithEnvironmentVariable(this DropletRunSettings settings, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.EnvironmentVariables[name] = value;
        return settings;
    }

    /// <summary>Sets where droplets are extracted.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="directory">The run directory, relative to the working directory or absolute.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static DropletRunSettings SetRunDirectory(this DropletRunSettings settings, string directory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.RunDirectory = directory;
        return settings;
    }

    /// <summary>Sets how far the droplet may expand when it is extracted; a droplet over a limit is refused and nothing is left behind.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="maxBytes">The most bytes its files may hold together (default 8 GiB).</param>
    /// <param name="maxEntries">The most files, directories and links (default 1,000,000).</param>
    /// <returns>The same settings, for chaining.</returns>
    public static DropletRunSettings SetExtractionLimits(this DropletRunSettings settings, long maxBytes, int maxEntries)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.MaxExtractBytes = maxBytes;
        settings.MaxExtractEntries = maxEntries;
        return settings;
    }
}
