// The repository's own build. Run through ./build.sh or ./build.ps1:
//   --target=Build | Test | Pack | Stage        --configuration=Release (default)
using System.Xml.Linq;

var target = Argument("target", "Build");
var configuration = Argument("configuration", "Release");
var root = MakeAbsolute(Directory(".."));
var solution = root.CombineWithFilePath("Buildpacks.Tasks.sln");
var artifacts = root.Combine("artifacts");
var testResults = artifacts.Combine("test-results");
var packages = artifacts.Combine("packages");
var sampleOut = artifacts.Combine("sample");

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
    Exception failure = null;
    try
    {
        DotNetTest(solution.FullPath, new DotNetTestSettings
        {
            Configuration = configuration,
            NoBuild = true,
            ResultsDirectory = testResults,
            Loggers = new[] { "trx", "console;verbosity=normal" },
        });
    }
    catch (Exception ex)
    {
        failure = ex;
    }

    // One closing line over every test project, in the form CI systems read.
    int passed = 0, failed = 0, skipped = 0;
    foreach (var trx in GetFiles(testResults.FullPath + "/**/*.trx"))
    {
        var counters = XDocument.Load(trx.FullPath).Descendants().First(e => e.Name.LocalName == "Counters");
        passed += (int)counters.Attribute("passed");
        failed += (int)counters.Attribute("failed") + (int)counters.Attribute("error") + (int)counters.Attribute("timeout") + (int)counters.Attribute("aborted");
        skipped += (int)counters.Attribute("notExecuted");
    }

    // Plain console output: Cake's log would colour the numbers, and CI reads this line as text.
    Console.WriteLine($"Tests: {passed} passed, {failed} failed, {skipped} skipped");
    if (failure != null || failed > 0 || passed == 0)
    {
        throw new CakeException($"Tests failed ({failed} failed, {passed} passed).", failure);
    }
});

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
    .Description("Publishes samples/HelloWeb and stages it into a droplet with samples/buildpacks/dotnet.")
    .IsDependentOn("Build")
    .Does(() =>
{
    var publish = sampleOut.Combine("publish");
    var droplet = sampleOut.CombineWithFilePath("HelloWeb.droplet.tgz");
    CleanDirectory(publish);
    DotNetPublish(root.CombineWithFilePath("samples/HelloWeb/HelloWeb.csproj").FullPath, new DotNetPublishSettings
    {
        Configuration = configuration,
        OutputDirectory = publish,
    });

    var cli = root.CombineWithFilePath($"src/Buildpacks.Cli/bin/{configuration}/net10.0/buildpacks.dll");
    RunCli(cli, $"stage \"{publish}\" --buildpack \"{root.Combine("samples/buildpacks/dotnet")}\" --output \"{droplet}\" --cache-dir \"{sampleOut.Combine("cache")}\"");
    RunCli(cli, $"inspect \"{droplet}\"");
    Information("Contents:");
    StartProcess("tar", new ProcessSettings { Arguments = $"-tzvf \"{droplet}\"" });
});

void RunCli(FilePath cli, string arguments)
{
    var exit = StartProcess("dotnet", new ProcessSettings { Arguments = $"\"{cli}\" {arguments}" });
    if (exit != 0)
    {
        throw new CakeException($"buildpacks {arguments.Split(' ')[0]} failed with exit code {exit}.");
    }
}

RunTarget(target);
