using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Sources;

namespace Buildpacks.Core.Tests.Sources;

public sealed class BuildpackReferenceTests
{
    [Theory]
    [InlineData("https://github.com/heroku/heroku-buildpack-nodejs", BuildpackReferenceKind.Git, "https://github.com/heroku/heroku-buildpack-nodejs", null)]
    [InlineData("https://github.com/heroku/heroku-buildpack-nodejs.git#v200", BuildpackReferenceKind.Git, "https://github.com/heroku/heroku-buildpack-nodejs.git", "v200")]
    [InlineData("git@github.com:org/bp.git#main", BuildpackReferenceKind.Git, "git@github.com:org/bp.git", "main")]
    [InlineData("ssh://git@host/org/bp.git", BuildpackReferenceKind.Git, "ssh://git@host/org/bp.git", null)]
    [InlineData("git://host/org/bp#0123456789abcdef0123456789abcdef01234567", BuildpackReferenceKind.Git, "git://host/org/bp", "0123456789abcdef0123456789abcdef01234567")]
    [InlineData("https://example.com/bp.tgz?token=abc", BuildpackReferenceKind.Archive, "https://example.com/bp.tgz?token=abc", null)]
    [InlineData("https://example.com/releases/bp-1.2.tar.gz", BuildpackReferenceKind.Archive, "https://example.com/releases/bp-1.2.tar.gz", null)]
    [InlineData("http://example.com/bp.ZIP", BuildpackReferenceKind.Archive, "http://example.com/bp.ZIP", null)]
    [InlineData("https://example.com/bp.tar", BuildpackReferenceKind.Archive, "https://example.com/bp.tar", null)]
    [InlineData("https://example.com/bp.tgz.git", BuildpackReferenceKind.Git, "https://example.com/bp.tgz.git", null)]
    public void Remote_references_are_told_apart_by_the_url_path(string text, object kind, string location, string? gitRef)
    {
        var reference = BuildpackReference.Parse(text);

        Assert.Equal((BuildpackReferenceKind)kind, reference.Kind);
        Assert.Equal(location, reference.Location);
        Assert.Equal(gitRef, reference.Ref);
        Assert.Equal(text, reference.Original);
    }

    [Fact]
    public void Local_paths_are_made_absolute_against_the_base_directory()
    {
        var reference = BuildpackReference.Parse("buildpacks/dotnet/", "/work/project");

        Assert.Equal(BuildpackReferenceKind.LocalDirectory, reference.Kind);
        Assert.Equal("/work/project/buildpacks/dotnet", reference.Location);
        Assert.Equal("/work/project/buildpacks/dotnet", reference.Display);
    }

    [Fact]
    public void A_file_url_is_a_local_directory()
    {
        var reference = BuildpackReference.Parse("file:///opt/buildpacks/go");

        Assert.Equal(BuildpackReferenceKind.LocalDirectory, reference.Kind);
        Assert.Equal("/opt/buildpacks/go", reference.Location);
    }

    [Theory]
    [InlineData("https://user:s3cr3t@example.com/bp.git#main", "https://***@example.com/bp.git#main")]
    [InlineData("https://example.com/bp.tgz?token=s3cr3t", "https://example.com/bp.tgz?***")]
    public void The_display_form_never_shows_credentials(string text, string display)
    {
        var reference = BuildpackReference.Parse(text);

        Assert.Equal(display, reference.Display);
        Assert.Equal(display, reference.ToString());
        Assert.DoesNotContain("s3cr3t", reference.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://example.com/bp.tgz")]
    [InlineData("https://exa mple.com/bp")]
    [InlineData("  ")]
    public void Unsupported_or_broken_references_are_coded_errors(string text)
    {
        var error = Assert.Throws<BuildpackException>(() => BuildpackReference.Parse(text));

        Assert.Contains(error.Code, new[] { ErrorCodes.BuildpackSourceUnsupported, ErrorCodes.InvalidRequest });
    }

    [Fact]
    public void A_url_buildpack_is_refused_by_the_default_sources_without_showing_its_secret()
    {
        var resolver = new BuildpackResolver([new LocalDirectorySource()]);

        var error = Assert.Throws<BuildpackException>(() =>
            resolver.ResolveAsync(BuildpackReference.Parse("https://u:s3cr3t@example.com/bp.git"), "/nowhere", SourceContext.Plain()).GetAwaiter().GetResult());

        Assert.Equal(ErrorCodes.BuildpackSourceUnsupported, error.Code);
        Assert.DoesNotContain("s3cr3t", error.Message, StringComparison.Ordinal);
    }
}
