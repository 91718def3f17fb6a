namespace Buildpacks.Core.Staging;

/// <summary>How the app's Procfile combines with the buildpack's default process types.</summary>
public enum ProcfileMode
{
    /// <summary>Cloud Foundry and Heroku: the Procfile overrides the defaults type by type.</summary>
    Merge,

    /// <summary>herokuish: when a Procfile exists, the buildpack's defaults are dropped.</summary>
    ReplaceDefaults,
}
