// The repository's own build. Run through ./build.sh or ./build.ps1:
//   --target=Build | Test | Pack | Stage | Bench        --configuration=Release (default)
//   Bench takes --quick, --json=FILE, --only=LIST, --rounds=N, --work=DIR, --keep (see bench/Buildpacks.Bench)
using System.Xml.Linq;

var target = Argument("target", "Build");
var configuration = Argument("configuration", "Release");
var root = MakeAbsolute(Directory(".."));
var solution = root.CombineWithFilePath("Buildpacks.Tasks.sln");
var artifacts = root.Combine("artifacts");
var testResults = artifacts.Combine("test-results");
var packages = artifacts.Combine("packages");

Task("Clean")
    .Does(() =>
{
    CleanDirectory(artifacts);
});

Task("Build")
    .Does(() =>
{
    DotNetBuild(solution.FullPath, new DotNetBuildSettings { Configuration = configuration });
});

Task("Test")
    .IsDependentOn("Build")
    .Does(() =>
{
    CleanDirectory(testResults);

    // The container tests (trait Category=Container) stage in a real engine: podman's Docker API, started by the
    // repository's script (it installs what is missing), and a local stack image built without a registry (its rootfs
    // cached, so a second run only checks it). The engine is stopped by its pid whatever the tests did.
    var dockerHost = StartContainerEngine();
    try
    {
        // One run and one results folder per test project: trx files are named by machine and second, so projects that a
        // solution-wide run starts in the same second overwrite each other's results, and a project that wrote none
        // would not be missed.
        var failures = new List<string>();
        int passed = 0, failed = 0, skipped = 0;
        foreach (var project in GetFiles(root.FullPath + "/tests/*/*.Tests.csproj"))
        {
            var results = testResults.Combine(project.GetFilenameWithoutExtension().FullPath);
            try
            {
                DotNetTest(project.FullPath, new DotNetTestSettings
                {
                    Configuration = configuration,
                    NoBuild = true,
                    ResultsDirectory = results,
                    Loggers = new[] { "trx", "console;verbosity=minimal" },
                    EnvironmentVariables = new Dictionary<string, string> { ["DOCKER_HOST"] = dockerHost },
                });
            }
            catch (Exception ex)
            {
                failures.Add($"{project.GetFilename()}: {ex.Message}");
            }

            var trxFiles = GetFiles(results.FullPath + "/*.trx");
            if (trxFiles.Count == 0)
            {
                failures.Add($"{project.GetFilename()}: no test results were written");
            }

            // One closing line over every test project, in the form CI systems read.
            foreach (var trx in trxFiles)
            {
                var counters = XDocument.Load(trx.FullPath).Descendants().First(e => e.Name.LocalName == "Counters");
                passed += (int)counters.Attribute("passed");
                failed += (int)counters.Attribute("failed") + (int)counters.Attribute("error") + (int)counters.Attribute("timeout") + (int)counters.Attribute("aborted");
                skipped += (int)counters.Attribute("notExecuted");
            }
        }

        // Plain console output: Cake's log would colour the numbers, and CI reads this line as text.
        Console.WriteLine($"Tests: {passed} passed, {failed} failed, {skipped} skipped");
        if (failures.Count > 0 || failed > 0 || passed == 0)
        {
            throw new CakeException($"Tests failed ({failed} failed, {passed} passed). " + string.Join("; ", failures));
        }
    }
    finally
    {
        RunScript("build/containers/engine.sh", "stop", null);
    }
});

// Starts the engine and builds the stack image; returns the DOCKER_HOST the tests use.
string StartContainerEngine()
{
    var started = RunScript("build/containers/engine.sh", "start", null);
    var dockerHost = started.Select(line => line.Trim()).LastOrDefault(line => line.StartsWith("export DOCKER_HOST=", StringComparison.Ordinal))?["export DOCKER_HOST=".Length..]
        ?? throw new CakeException("build/containers/engine.sh start printed no DOCKER_HOST");
    RunScript("build/containers/stack-image.sh", "", dockerHost);
    return dockerHost;
}

List<string> RunScript(string script, string arguments, string dockerHost)
{
    var settings = new ProcessSettings
    {
        Arguments = ProcessArgumentBuilder.FromString(root.CombineWithFilePath(script).FullPath + " " + arguments),
        RedirectStandardOutput = true,
        EnvironmentVariables = dockerHost is null ? null : new Dictionary<string, string> { ["DOCKER_HOST"] = dockerHost },
    };
    var exitCode = StartProcess("bash", settings, out var output);
    var lines = output.ToList();
    if (exitCode != 0)
    {
        throw new CakeException($"{script} {arguments} failed with exit code {exitCode}: {string.Join("\n", lines)}");
    }

    return lines;
}

Task("Pack")
    .IsDependentOn("Build")
    .Does(() =>
{
    CleanDirectory(packages);
    DotNetPack(solution.FullPath, new DotNetPackSettings
    {
        Configuration = configuration,
        NoBuild = true,
        OutputDirectory = packages,
    });
});

Task("Stage")
    .Description("Publishes samples/HelloWeb and stages it into a droplet with samples/buildpacks/dotnet, through this repository's own Cake addin.")
    .IsDependentOn("Build")
    .Does(() =>
{
    // build/stage.cake loads the addin built above with #r, and Cake reads #r before a script runs: so the
    // addin is put where stage.cake expects it, whatever the configuration, and stage.cake runs in a Cake of its own.
    var addin = artifacts.Combine("cake-addin");
    CleanDirectory(addin);
    CopyFiles(root.FullPath + $"/src/Cake.Buildpacks/bin/{configuration}/net10.0/*.dll", addin);
    var exit = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = $"cake \"{root.CombineWithFilePath("build/stage.cake")}\" --configuration={configuration} --verbosity={Context.Log.Verbosity}",
        WorkingDirectory = root,
    });
    if (exit != 0)
    {
        throw new CakeException(exit, $"build/stage.cake failed with exit code {exit}; its output above says why.");
    }
});

Task("Bench")
    .Description("Times staging and packing against tar, pigz, a by-hand pipeline and plain dotnet publish (bench/Buildpacks.Bench); prints a Markdown table.")
    .Does(() =>
{
    // Not dependent on Build: `dotnet run` builds the harness, and the harness publishes the CLI it times.
    var arguments = new ProcessArgumentBuilder()
        .Append("run").Append("-c").Append(configuration)
        .Append("--project").AppendQuoted(root.Combine("bench/Buildpacks.Bench").FullPath)
        .Append("--");
    if (HasArgument("quick"))
    {
        arguments.Append("--quick");
    }

    if (HasArgument("keep"))
    {
        arguments.Append("--keep");
    }

    foreach (var option in new[] { "json", "only", "rounds", "work" })
    {
        if (HasArgument(option))
        {
            // Paths are relative to the repository root, where build.sh runs.
            var value = Argument<string>(option);
            arguments.Append("--" + option).AppendQuoted(option is "json" or "work" ? root.CombineWithFilePath(value).FullPath : value);
        }
    }

    var exit = StartProcess("dotnet", new ProcessSettings { Arguments = arguments, WorkingDirectory = root });
    if (exit != 0)
    {
        throw new CakeException(exit, $"The benchmark harness failed with exit code {exit}; its output above says which scenario and why.");
    }
});

RunTarget(target);
