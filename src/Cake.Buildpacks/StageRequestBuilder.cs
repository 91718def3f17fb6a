using Buildpacks.Core.Staging;
using Cake.Core;
using Cake.Core.IO;

namespace Cake.Buildpacks;

/// <summary>Maps <see cref="BuildpackStageSettings"/> to the engine's request, with every path made absolute against Cake's working directory.</summary>
internal static class StageRequestBuilder
{
    public static StagingRequest Build(DirectoryPath appDirectory, BuildpackStageSettings settings, ICakeEnvironment environment)
    {
        var app = appDirectory.MakeAbsolute(environment);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in settings.EnvironmentFiles)
        {
            foreach (var (name, value) in EngineCall.Run(() => EnvFile.Read(file.MakeAbsolute(environment).FullPath)))
            {
                variables[name] = value;
            }
        }

        foreach (var (name, value) in settings.EnvironmentVariables)
        {
            variables[name] = value;
        }

        // The same default as the command line's, with Cake's working directory in place of the process's.
        var droplet = settings.DropletPath ?? new FilePath(app.GetDirectoryName() + ".droplet.tgz");
        return new StagingRequest
        {
            AppDirectory = app.FullPath,
            OutputPath = droplet.MakeAbsolute(environment).FullPath,
            Buildpacks = BuildpackReferences.MakeAbsolute(settings.Buildpacks, environment),
            Candidates = BuildpackReferences.MakeAbsolute(settings.Candidates, environment),
            CacheDirectory = settings.CacheDirectory?.MakeAbsolute(environment).FullPath,
            Environment = variables,
            Stack = settings.Stack,
            Layout = settings.Layout,
            ProcfileMode = settings.ProcfileMode,
            ProcessTypes = new Dictionary<string, string>(settings.ProcessTypes, StringComparer.Ordinal),
            Timeout = settings.Timeout,
            ResultPath = settings.ResultPath?.MakeAbsolute(environment).FullPath,
            Timestamp = settings.Timestamp,
            ApplicationName = settings.ApplicationName,
        };
    }
}
