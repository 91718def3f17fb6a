using Microsoft.Build.Evaluation;
using Microsoft.Build.Execution;

namespace Buildpacks.Tasks.Tests.Support;

/// <summary>Builds a project with the SDK's own MSBuild inside the test process.</summary>
public static class InProcessBuild
{
    public static BuildOutcome Run(string projectFile, IDictionary<string, string> globalProperties, params string[] targets)
    {
        var logger = new RecordingLogger();
        using var collection = new ProjectCollection(globalProperties);
        var parameters = new BuildParameters(collection)
        {
            Loggers = [logger],
            EnableNodeReuse = false,
            MaxNodeCount = 1,
        };
        var request = new BuildRequestData(projectFile, globalProperties, null, targets, null, BuildRequestDataFlags.ProvideProjectStateAfterBuild);
        using var manager = new BuildManager();
        var result = manager.Build(parameters, request);
        return new BuildOutcome(result, logger.Events);
    }
}
