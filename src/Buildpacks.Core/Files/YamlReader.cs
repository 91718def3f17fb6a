using YamlDotNet.Serialization;

namespace Buildpacks.Core.Files;

/// <summary>
/// The one YAML deserializer of the engine (into plain maps, lists and strings), built on first use. Building one
/// reflects over YamlDotNet's type converters, which costs a short command noticeably at start-up; most stagings
/// need it once (bin/release), and an app without stackato.yml or manifest.yml need not pay for those readers.
/// A built deserializer is safe to share between threads.
/// </summary>
internal static class YamlReader
{
    private static readonly Lazy<IDeserializer> Shared = new(() => new DeserializerBuilder().Build());

    /// <summary>Reads YAML text into nested <c>IDictionary&lt;object, object?&gt;</c>, <c>IList&lt;object?&gt;</c> and strings.</summary>
    public static object? Deserialize(string text) => Shared.Value.Deserialize<object?>(text);
}
