using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Staging;

public sealed class ScriptCheckTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_script_without_the_exec_bit_gets_its_own_error_naming_the_file()
    {
        var buildpack = _temp.CopyBuildpack("recorder");
        var compile = Path.Combine(buildpack, "bin", "compile");
        File.SetUnixFileMode(compile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        var app = _temp.CreateApp("app", ("index.txt", "hi"));

        var error = await Assert.ThrowsAsync<BuildpackException>(() => StagingFixture.StageAsync(StagingFixture.Request(_temp, app, buildpack)));

        Assert.Equal(ErrorCodes.ScriptNotExecutable, error.Code);
        Assert.Equal(compile, error.File);
        Assert.Contains($"chmod +x {compile}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_script_with_CRLF_line_endings_gets_its_own_error_naming_the_file()
    {
        var buildpack = _temp.CopyBuildpack("recorder");
        var compile = Path.Combine(buildpack, "bin", "compile");
        File.WriteAllText(compile, File.ReadAllText(compile).Replace("\n", "\r\n", StringComparison.Ordinal));
        var app = _temp.CreateApp("app", ("index.txt", "hi"));

        var error = await Assert.ThrowsAsync<BuildpackException>(() => StagingFixture.StageAsync(StagingFixture.Request(_temp, app, buildpack)));

        Assert.Equal(ErrorCodes.ScriptHasCrlf, error.Code);
        Assert.Equal(compile, error.File);
        Assert.Contains("CRLF", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_compile_is_223_and_names_the_script()
    {
        var app = _temp.CreateApp("app", ("fail-compile", ""));
        var log = new RecordingLog();
        var request = StagingFixture.Request(_temp, app, "recorder");

        var error = await Assert.ThrowsAsync<BuildpackException>(() => StagingFixture.StageAsync(request, log));

        Assert.Equal(ErrorCodes.CompileFailed, error.Code);
        Assert.Equal(223, error.ExitCode);
        Assert.Equal(Path.Combine(Repository.FixtureBuildpack("recorder"), "bin", "compile"), error.File);
        Assert.Contains("out: compile failed on purpose", log.Lines);
        Assert.False(File.Exists(request.OutputPath));
    }

    [Fact]
    public async Task A_missing_buildpack_directory_is_a_coded_error()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));

        var error = await Assert.ThrowsAsync<BuildpackException>(() => StagingFixture.StageAsync(StagingFixture.Request(_temp, app, _temp.Combine("nope"))));

        Assert.Equal(ErrorCodes.BuildpackNotFound, error.Code);
    }

    [Fact]
    public async Task A_file_given_as_a_buildpack_is_read_as_an_archive_when_named_like_one_and_refused_otherwise()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var archive = _temp.Combine("buildpack.tgz");
        File.WriteAllText(archive, "not really an archive");
        var notes = _temp.Write("notes.txt", "not a buildpack");

        var unreadable = await Assert.ThrowsAsync<BuildpackException>(() => StagingFixture.StageAsync(StagingFixture.Request(_temp, app, archive)));
        var file = await Assert.ThrowsAsync<BuildpackException>(() => StagingFixture.StageAsync(StagingFixture.Request(_temp, app, notes)));

        Assert.Equal(ErrorCodes.ArchiveInvalid, unreadable.Code);
        Assert.Equal(archive, unreadable.File);
        Assert.Equal(ErrorCodes.BuildpackSourceUnsupported, file.Code);
        Assert.Contains("is a file, not a directory", file.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_app_directory_is_a_coded_error()
    {
        var error = await Assert.ThrowsAsync<BuildpackException>(() => StagingFixture.StageAsync(StagingFixture.Request(_temp, _temp.Combine("no-app"), "recorder")));

        Assert.Equal(ErrorCodes.AppDirectoryNotFound, error.Code);
    }
}
