namespace Buildpacks.Core.Staging;

/// <summary>The platform whose staging contract to follow where the platforms differ (<c>--platform</c>).</summary>
public enum StagingPlatform
{
    /// <summary>This tool's own mix, as before profiles: Heroku's compile arguments, both stacks' variables, a Cloud Foundry droplet.</summary>
    Default,

    /// <summary>Heroku: <c>BUILD CACHE ENV</c>, <c>heroku-24</c>, a slug; the env dir's variables are not exported to compile.</summary>
    Heroku,

    /// <summary>Cloud Foundry: <c>BUILD CACHE</c> only, <c>cflinuxfs4</c>, <c>VCAP_*</c>, a droplet.</summary>
    CloudFoundry,

    /// <summary>Scalingo: <c>BUILD CACHE ENV</c>, <c>scalingo-22</c>, a slug.</summary>
    Scalingo,

    /// <summary>Dokku (herokuish): <c>BUILD CACHE ENV</c>, <c>heroku-24</c>, a slug, a Procfile replaces the buildpack's process types.</summary>
    Dokku,

    /// <summary>Stackato: Cloud Foundry v2 staging with <c>STACKATO_APP_NAME</c>, <c>STAGING_TIMEOUT</c>, <c>BUILDPACK_CACHE</c>.</summary>
    Stackato,
}
