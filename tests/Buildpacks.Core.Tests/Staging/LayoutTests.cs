using System.Formats.Tar;
using Buildpacks.Core.Staging;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Staging;

public sealed class LayoutTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Cloud_Foundry_layout_entry_by_entry()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"), ("Procfile", "web: serve\n"));
        var buildpack = _temp.CopyBuildpack("recorder");
        File.WriteAllText(Path.Combine(buildpack, "bin", "compile"), "#!/usr/bin/env bash\nmkdir -p \"$1/.profile.d\"\necho 'export A=1' > \"$1/.profile.d/a.sh\"\n");

        var result = await StagingFixture.StageAsync(StagingFixture.Request(_temp, app, buildpack));

        var entries = DropletContents.Read(result.DropletPath);
        Assert.Equal(
            [
                "./", "./app/", "./app/.profile.d/", "./app/.profile.d/a.sh", "./app/Procfile", "./app/index.txt",
                "./deps/", "./logs/", "./profile.d/", "./staging_info.yml", "./tmp/",
            ],
            entries.Select(e => e.Name));
        Assert.All(entries.Where(e => e.Name.EndsWith('/')), e => Assert.Equal(TarEntryType.Directory, e.Type));
        Assert.All(entries, e => Assert.Equal((0, 0), (e.Uid, e.Gid)));
        Assert.Equal(
            "{\n  \"detected_buildpack\": \"" + Path.GetFileName(buildpack) + "\",\n  \"start_command\": \"serve\",\n  \"process_types\": {\n    \"web\": \"serve\",\n    \"worker\": \"recorder-worker\"\n  },\n  \"config_vars\": {\n    \"FROM_RELEASE\": \"yes\"\n  }\n}\n",
            entries.Single(e => e.Name == "./staging_info.yml").Text);
        Assert.Equal(DropletLayout.CloudFoundry, result.Layout);
    }

    [Fact]
    public async Task Heroku_layout_puts_the_app_at_the_root_without_git_or_slugignored_files()
    {
        var app = _temp.CreateApp(
            "app",
            ("index.txt", "hi"),
            ("design.psd", "big"),
            ("assets/logo.psd", "big"),
            ("docs/guide.md", "doc"),
            ("src/docs/keep.md", "kept: /docs is anchored"),
            (".slugignore", "# heavy files\n*.psd\n/docs\n"),
            (".git/HEAD", "ref: refs/heads/main\n"));
        var buildpack = _temp.CopyBuildpack("recorder");
        File.WriteAllText(Path.Combine(buildpack, "bin", "compile"), "#!/usr/bin/env bash\nmkdir -p \"$1/.profile.d\"\necho 'export A=1' > \"$1/.profile.d/a.sh\"\n");

        var result = await StagingFixture.StageAsync(StagingFixture.Request(_temp, app, buildpack) with { Layout = DropletLayout.Heroku });

        var entries = DropletContents.Read(result.DropletPath);
        Assert.Equal(
            [
                "./", "./.profile.d/", "./.profile.d/a.sh", "./.release", "./.slugignore", "./assets/", "./index.txt",
                "./src/", "./src/docs/", "./src/docs/keep.md",
            ],
            entries.Select(e => e.Name));
        var release = entries.Single(e => e.Name == "./.release").Text!;
        Assert.Contains("default_process_types:\n  web: \"recorder-web --marker=\"\n", release, StringComparison.Ordinal);
        Assert.Equal(DropletLayout.Heroku, result.Layout);
    }

    [Fact]
    public async Task Exec_bits_and_symlinks_survive_staging()
    {
        var app = _temp.CreateApp("app", ("run.sh", "#!/bin/sh\necho hi\n"), ("data/file.txt", "x"));
        File.SetUnixFileMode(Path.Combine(app, "run.sh"), (UnixFileMode)0b111_101_101);
        File.CreateSymbolicLink(Path.Combine(app, "current"), "data/file.txt");
        Directory.CreateSymbolicLink(Path.Combine(app, "data-link"), "data");

        var result = await StagingFixture.StageAsync(StagingFixture.Request(_temp, app, "recorder"));

        var droplet = DropletContents.ByName(result.DropletPath);
        Assert.Equal((UnixFileMode)0b111_101_101, droplet["./app/run.sh"].Mode);
        Assert.Equal(TarEntryType.SymbolicLink, droplet["./app/current"].Type);
        Assert.Equal("data/file.txt", droplet["./app/current"].LinkName);
        Assert.Equal(TarEntryType.SymbolicLink, droplet["./app/data-link"].Type);
        Assert.Equal("data", droplet["./app/data-link"].LinkName);
        Assert.False(droplet.ContainsKey("./app/data-link/file.txt"));
    }
}
