// Stages samples/HelloWeb into artifacts/sample/HelloWeb.droplet.tgz with this repository's own Cake addin.
// Run it through `./build.sh --target=Stage`: that builds the addin and copies it to artifacts/cake-addin first,
// since Cake reads #r before the script runs.
#r "../artifacts/cake-addin/Cake.Buildpacks.dll"

var configuration = Argument("configuration", "Release");
var root = MakeAbsolute(Directory(".."));
var sampleOut = root.Combine("artifacts/sample");
var publish = sampleOut.Combine("publish");

CleanDirectory(publish);
DotNetPublish(root.CombineWithFilePath("samples/HelloWeb/HelloWeb.csproj").FullPath, new DotNetPublishSettings
{
    Configuration = configuration,
    OutputDirectory = publish,
});

var staged = BuildpackStage(publish, new BuildpackStageSettings()
    .WithBuildpack(root.Combine("samples/buildpacks/dotnet").FullPath)
    .SetDropletPath(sampleOut.CombineWithFilePath("HelloWeb.droplet.tgz"))
    .SetCacheDirectory(sampleOut.Combine("cache")));

var droplet = DropletInspect(staged.DropletPath);
Information("Droplet:   {0}", droplet.Path);
Information("SHA-256:   {0}", droplet.Sha256);
Information("Size:      {0} bytes", droplet.Size);
Information("Layout:    {0}", droplet.Layout == DropletLayout.Heroku ? "heroku" : "cf");
Information("Buildpack: {0}", droplet.DetectedBuildpack);
foreach (var process in droplet.ProcessTypes)
{
    Information("Process {0}: {1}", process.Key, process.Value);
}

Information("Contents:");
foreach (var entry in droplet.Entries)
{
    Information("  {0}", entry);
}
