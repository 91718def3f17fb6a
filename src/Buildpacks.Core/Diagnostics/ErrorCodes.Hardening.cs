namespace Buildpacks.Core.Diagnostics;

/// <summary>Codes for hostile or unlucky input found by the hardening work (staging BPK1090-BPK1099, launching BPK5040-BPK5049).</summary>
internal static partial class ErrorCodes
{
    /// <summary>A buildpack script starts with a UTF-8 byte order mark, so the kernel does not see its shebang.</summary>
    public const string ScriptHasBom = "BPK1090";
    /// <summary>Warning: a fifo, socket or device in the app or build directory was left out of the copy or the droplet.</summary>
    public const string SpecialFileSkipped = "BPK1091";
    /// <summary>A file the engine must read (Procfile, .slugignore, config.yml, launch.yml) is a fifo, socket or device.</summary>
    public const string NotARegularFile = "BPK1092";
    /// <summary>A droplet expands to more bytes than the extraction limit allows.</summary>
    public const string DropletTooLarge = "BPK5040";
    /// <summary>A droplet holds more entries than the extraction limit allows.</summary>
    public const string DropletTooManyEntries = "BPK5041";
}
