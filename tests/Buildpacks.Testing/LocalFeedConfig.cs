namespace Buildpacks.Testing;

/// <summary>The nuget.config a user writes beside a project that takes our packages from a local folder feed.</summary>
public static class LocalFeedConfig
{
    /// <summary>Writes <c>nuget.config</c> into <paramref name="directory"/>: the folder feed, then nuget.org, nothing else.</summary>
    public static void Write(string directory, string feed) =>
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
}
