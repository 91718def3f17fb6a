namespace Cake.Buildpacks.Tests.Support;

/// <summary>Tests that run <c>dotnet cake</c> share one packed addin and run one at a time (each run compiles a script on 2 cores).</summary>
[CollectionDefinition(Name)]
public sealed class CakeRunnerCollection : ICollectionFixture<AddinFeed>
{
    public const string Name = "Cake runner";
}
