using System.Globalization;
using Buildpacks.Core.Staging;

namespace Buildpacks.Core.Requests;

/// <summary>
/// The one spelling of each setting value every door uses: layouts <c>cf</c> and <c>heroku</c>, Procfile modes
/// <c>merge</c> and <c>replace</c>, time stamps as Unix seconds or ISO 8601. Reading is case-insensitive.
/// </summary>
internal static class StagingNames
{
    /// <summary>The layout names, in the order help texts list them.</summary>
    public static IReadOnlyList<string> Layouts { get; } = ["cf", "heroku"];

    /// <summary>The Procfile mode names, in the order help texts list them.</summary>
    public static IReadOnlyList<string> ProcfileModes { get; } = ["merge", "replace"];

    /// <summary>The platform names, in the order help texts list them.</summary>
    public static IReadOnlyList<string> Platforms { get; } = ["default", "heroku", "cf", "scalingo", "dokku", "stackato"];

    /// <summary>The name of <paramref name="platform"/>: <c>default</c>, <c>heroku</c>, <c>cf</c>, <c>scalingo</c>, <c>dokku</c> or <c>stackato</c>.</summary>
    public static string PlatformName(StagingPlatform platform) => platform switch
    {
        StagingPlatform.Default => "default",
        StagingPlatform.Heroku => "heroku",
        StagingPlatform.CloudFoundry => "cf",
        StagingPlatform.Scalingo => "scalingo",
        StagingPlatform.Dokku => "dokku",
        StagingPlatform.Stackato => "stackato",
        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, "Not a platform."),
    };

    /// <summary>Reads a platform name (<c>cloudfoundry</c> is <c>cf</c> too); false when it names none.</summary>
    public static bool TryParsePlatform(string text, out StagingPlatform platform)
    {
        var name = text.Trim().ToLowerInvariant();
        if (name == "cloudfoundry")
        {
            name = "cf";
        }

        var index = Platforms.ToList().IndexOf(name);
        platform = index < 0 ? StagingPlatform.Default : (StagingPlatform)index;
        return index >= 0;
    }

    /// <summary>What the platform's profile sets, one line each: compile's arguments, stack, layout, Procfile rule, staging variables.</summary>
    public static IEnumerable<string> Explain(StagingPlatform platform) => PlatformProfile.Of(platform).Explain();

    /// <summary>The name of <paramref name="layout"/>: <c>cf</c> or <c>heroku</c>.</summary>
    public static string LayoutName(DropletLayout layout) => layout switch
    {
        DropletLayout.CloudFoundry => "cf",
        DropletLayout.Heroku => "heroku",
        _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, "Not a droplet layout."),
    };

    /// <summary>The name of <paramref name="mode"/>: <c>merge</c> or <c>replace</c>.</summary>
    public static string ProcfileModeName(ProcfileMode mode) => mode switch
    {
        ProcfileMode.Merge => "merge",
        ProcfileMode.ReplaceDefaults => "replace",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Not a Procfile mode."),
    };

    /// <summary>The name of <paramref name="engine"/>: <c>docker</c> or <c>podman</c>.</summary>
    public static string ContainerEngineName(ContainerEngine engine) => engine switch
    {
        ContainerEngine.Docker => "docker",
        ContainerEngine.Podman => "podman",
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "Not a container engine."),
    };

    /// <summary>A time stamp as text the builder reads back exactly (ISO 8601 with its offset).</summary>
    public static string TimestampText(DateTimeOffset timestamp) => timestamp.ToString("o", CultureInfo.InvariantCulture);

    internal static bool TryParseLayout(string text, out DropletLayout layout)
    {
        layout = DropletLayout.CloudFoundry;
        switch (text.Trim().ToLowerInvariant())
        {
            case "cf":
                return true;
            case "heroku":
                layout = DropletLayout.Heroku;
                return true;
            default:
                return false;
        }
    }

    internal static bool TryParseProcfileMode(string text, out ProcfileMode mode)
    {
        mode = ProcfileMode.Merge;
        switch (text.Trim().ToLowerInvariant())
        {
            case "merge":
                return true;
            case "replace":
                mode = ProcfileMode.ReplaceDefaults;
                return true;
            default:
                return false;
        }
    }

    // Unix seconds (as SOURCE_DATE_EPOCH) or ISO 8601; without an offset the time is UTC.
    internal static bool TryParseTimestamp(string text, out DateTimeOffset timestamp)
    {
        text = text.Trim();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            try
            {
                timestamp = DateTimeOffset.FromUnixTimeSeconds(seconds);
                return true;
            }
            catch (ArgumentOutOfRangeException)
            {
                timestamp = default;
                return false;
            }
        }

        return DateTimeOffset.TryParseExact(
            text,
            ["o", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd"],
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal,
            out timestamp);
    }
}
