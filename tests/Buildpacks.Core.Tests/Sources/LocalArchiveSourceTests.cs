using System.Security.Cryptography;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Packaging;
using Buildpacks.Core.Sources;
using Buildpacks.Core.Staging;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Sources;

public sealed class LocalArchiveSourceTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly RecordingLog _log = new();

    public void Dispose() => _temp.Dispose();

    private SourceContext Context(bool offline = false, Dictionary<string, BuildpackIdentity>? pins = null) =>
        new(_temp.Combine("cache"), offline, pins ?? [], _log, CancellationToken.None);

    private async Task<(ResolvedBuildpack Resolved, string Directory)> ResolveAsync(string reference, SourceContext? context = null)
    {
        var destination = _temp.Combine("dest-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(destination);
        var resolved = await new LocalArchiveSource().ResolveAsync(BuildpackReference.Parse(reference, _temp.Path), destination, context ?? Context());
        return (resolved, destination);
    }

    private static string Marker(string directory) => File.ReadAllText(Path.Combine(directory, "marker")).Trim();

    private static BuildpackIdentity Sha256Of(string file) => new("archive", "sha256:" + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))));

    /// <summary>A zip written by the packager itself, as a user would hand it to the stager.</summary>
    private async Task<string> PackagedZipAsync(string marker = "packaged")
    {
        var buildpack = _temp.CreateBuildpack("bp-" + marker, ("detect", "echo Packaged"), ("compile", "cp \"$(dirname \"$0\")/../marker\" \"$1/marker\""), ("release", "echo '--- {}'"));
        File.WriteAllText(Path.Combine(buildpack, "VERSION"), "1.2.3");
        File.WriteAllText(Path.Combine(buildpack, "marker"), marker + "\n");
        File.WriteAllText(Path.Combine(buildpack, "manifest.yml"), "language: ruby\nstack: cflinuxfs4\ndependencies: []\n");
        var result = await new BuildpackPackager(_log).PackageAsync(new PackageOptions { BuildpackDirectory = buildpack, Output = _temp.Combine("zips", marker, "ruby_buildpack-cached-cflinuxfs4-v1.2.3.zip") });
        return result.Zip;
    }

    [Theory]
    [InlineData("./ruby_buildpack-cached-cflinuxfs4-v1.2.3.zip")]
    [InlineData("bp.tgz")]
    [InlineData("bp.tar.gz")]
    [InlineData("bp.TAR")]
    public void A_local_path_ending_in_an_archive_suffix_is_a_local_archive(string text)
    {
        var reference = BuildpackReference.Parse(text, _temp.Path);

        Assert.Equal(BuildpackReferenceKind.LocalArchive, reference.Kind);
        Assert.Equal(Path.GetFullPath(text, _temp.Path), reference.Location);
        Assert.Equal(reference.Location, reference.Display);
        Assert.True(reference.IsLocal);
    }

    [Fact]
    public void A_file_url_of_an_archive_is_a_local_archive_and_a_directory_named_like_one_stays_a_directory()
    {
        var directory = Directory.CreateDirectory(_temp.Combine("checkout.zip")).FullName;

        var url = BuildpackReference.Parse("file://" + _temp.Combine("x.zip"));
        var named = BuildpackReference.Parse(directory);

        Assert.Equal(BuildpackReferenceKind.LocalArchive, url.Kind);
        Assert.Equal(_temp.Combine("x.zip"), url.Location);
        Assert.Equal(BuildpackReferenceKind.LocalDirectory, named.Kind);
    }

    [Fact]
    public async Task A_packaged_zip_is_extracted_with_its_modes_and_its_sha256_is_the_identity()
    {
        var zip = await PackagedZipAsync();

        var (resolved, directory) = await ResolveAsync(zip);

        Assert.Equal("packaged", Marker(directory));
        Assert.True(File.GetUnixFileMode(Path.Combine(directory, "bin", "compile")).HasFlag(UnixFileMode.UserExecute));
        Assert.False(File.GetUnixFileMode(Path.Combine(directory, "marker")).HasFlag(UnixFileMode.UserExecute));
        Assert.Equal(Sha256Of(zip), resolved.Identity);
        Assert.Equal(zip, resolved.Key);
        Assert.Equal("ruby_buildpack-cached-cflinuxfs4-v1.2.3", resolved.DefaultName);
        Assert.Equal("1.2.3", resolved.Version);
        Assert.Empty(_log.Warnings);
        Assert.Equal(Sha256Of(zip), new LocalArchiveSource().IdentifyWithoutFetching(BuildpackReference.Parse(zip), Context()));
    }

    [Fact]
    public async Task The_second_resolution_is_served_from_the_cache_and_a_changed_file_is_extracted_anew()
    {
        var zip = await PackagedZipAsync("first");
        await ResolveAsync(zip);
        var (_, again) = await ResolveAsync(zip, Context(offline: true));
        Assert.Equal("first", Marker(again));
        Assert.Contains(_log.Lines, line => line.EndsWith("(from the buildpack cache)", StringComparison.Ordinal));

        File.Copy(await PackagedZipAsync("second"), zip, overwrite: true);
        var (changed, directory) = await ResolveAsync(zip, Context(offline: true));

        Assert.Equal("second", Marker(directory));
        Assert.Equal(Sha256Of(zip), changed.Identity);
    }

    [Theory]
    [InlineData("bp.tgz", true)]
    [InlineData("bp.tar.gz", true)]
    [InlineData("bp.tar", false)]
    public async Task Tarballs_are_unwrapped_as_url_archives_are(string name, bool gzipped)
    {
        var path = _temp.Combine(name);
        var tarball = BuildpackArchives.Tarball("from-tar");
        if (gzipped)
        {
            await File.WriteAllBytesAsync(path, tarball);
        }
        else
        {
            await using var input = new System.IO.Compression.GZipStream(new MemoryStream(tarball), System.IO.Compression.CompressionMode.Decompress);
            await using var output = File.Create(path);
            await input.CopyToAsync(output);
        }

        var (_, directory) = await ResolveAsync("file://" + path);

        Assert.Equal("from-tar", Marker(directory));
        Assert.True(File.GetUnixFileMode(Path.Combine(directory, "bin", "detect")).HasFlag(UnixFileMode.UserExecute));
    }

    [Fact]
    public async Task A_missing_file_is_a_coded_error_naming_it()
    {
        var error = await Assert.ThrowsAsync<BuildpackException>(() => ResolveAsync("gone.zip"));

        Assert.Equal(ErrorCodes.LocalArchiveNotFound, error.Code);
        Assert.Equal(_temp.Combine("gone.zip"), error.File);
        Assert.Contains(_temp.Combine("gone.zip"), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("corrupt.zip")]
    [InlineData("corrupt.tgz")]
    public async Task A_corrupt_archive_is_a_coded_error_naming_the_file(string name)
    {
        var path = _temp.Write(name, "this is not an archive at all, just text that is long enough to read");

        var error = await Assert.ThrowsAsync<BuildpackException>(() => ResolveAsync(path));

        Assert.Equal(ErrorCodes.ArchiveInvalid, error.Code);
        Assert.Equal(path, error.File);
        Assert.Contains("Check the file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lock_pin_of_other_content_fails_instead_of_serving_the_changed_file()
    {
        var zip = await PackagedZipAsync();
        var pins = new Dictionary<string, BuildpackIdentity> { [zip] = new("archive", "sha256:" + new string('0', 64)) };

        var error = await Assert.ThrowsAsync<BuildpackException>(() => ResolveAsync(zip, Context(pins: pins)));

        Assert.Equal(ErrorCodes.LockedVersionUnavailable, error.Code);
    }

    [Fact]
    public async Task The_lock_file_keys_a_local_zip_by_its_relative_path_and_pins_its_sha256()
    {
        var zip = await PackagedZipAsync();
        var engine = new BuildpackEngine(new BuildpackEngineOptions { BuildpackCacheDirectory = _temp.Combine("cache") });

        var locked = await engine.LockAsync(new Buildpacks.Core.Requests.LockRequest(_temp.Combine("buildpacks.lock.json"), [zip]), _log);

        var (key, entry) = Assert.Single(locked.Entries);
        Assert.Equal("zips/packaged/ruby_buildpack-cached-cflinuxfs4-v1.2.3.zip", key);
        Assert.Equal(Sha256Of(zip), entry.Identity);
    }

    [Fact]
    public async Task The_engine_stages_with_a_local_zip_and_its_fingerprint_follows_the_file()
    {
        var zip = await PackagedZipAsync("staged");
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var engine = new BuildpackEngine(new BuildpackEngineOptions { BuildpackCacheDirectory = _temp.Combine("cache") });
        var request = new StagingRequest { AppDirectory = app, OutputPath = _temp.Combine("out", "app.droplet.tgz"), Buildpacks = [zip], ResultPath = _temp.Combine("out", "result.json") };

        var before = engine.ComputeFingerprint(request);
        var result = await engine.StageAsync(request, _log);
        File.Copy(await PackagedZipAsync("other"), zip, overwrite: true);

        Assert.Equal("staged\n", DropletContents.TextOf(result.DropletPath, "./app/marker"));
        Assert.Contains(zip, File.ReadAllText(_temp.Combine("out", "result.json")), StringComparison.Ordinal);
        Assert.NotEqual(before, engine.ComputeFingerprint(request));
    }
}
