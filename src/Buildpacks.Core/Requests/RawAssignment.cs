namespace Buildpacks.Core.Requests;

/// <summary>A <c>NAME=VALUE</c> setting as a door got it: either already split, or text the builder splits.</summary>
internal readonly record struct RawAssignment(string Name, string Value, string? Text)
{
    public static RawAssignment Pair(string name, string value) => new(name, value, null);

    public static RawAssignment Unsplit(string text) => new("", "", text);
}
