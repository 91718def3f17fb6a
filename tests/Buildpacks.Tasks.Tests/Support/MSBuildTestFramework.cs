using Microsoft.Build.Locator;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Buildpacks.Tasks.Tests.Support;

/// <summary>
/// xunit's test framework, created before xunit reads a single test type: it points the process at the
/// SDK's own MSBuild first, since the tests ship no MSBuild assemblies and their types mention MSBuild.
/// </summary>
public sealed class MSBuildTestFramework : XunitTestFramework
{
    public MSBuildTestFramework(IMessageSink messageSink)
        : base(messageSink)
    {
        if (!MSBuildLocator.IsRegistered)
        {
            MSBuildLocator.RegisterDefaults();
        }
    }
}
