namespace Buildpacks.Core.Diagnostics;

/// <summary>Codes for what the hardening suite found (BPK1240-BPK1259).</summary>
internal static partial class ErrorCodes
{
    /// <summary>bin/release printed more than the engine reads as a release (CF exit code 224).</summary>
    public const string ReleaseTooLarge = "BPK1240";
    /// <summary>A file of a droplet the engine reads (staging_info.yml, .release, Procfile, metadata.toml) is larger than it reads.</summary>
    public const string DropletMetadataTooLarge = "BPK1241";
}
