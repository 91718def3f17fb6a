namespace Buildpacks.Core.Staging;

/// <summary>How the staged files are arranged inside the droplet archive.</summary>
public enum DropletLayout
{
    /// <summary><c>./app ./deps ./profile.d ./tmp ./logs ./staging_info.yml</c>, extracted into <c>/home/vcap</c>.</summary>
    CloudFoundry,

    /// <summary>A Heroku slug: the app's contents at the root, extracted into <c>/app</c>.</summary>
    Heroku,
}
