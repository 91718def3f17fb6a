using Cake.Core;
using Cake.Core.Configuration;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Cake.Buildpacks.Tests.Support;

/// <summary>
/// A Cake context with a fake environment and log. Every other service throws: the aliases run the engine
/// in-process and must not reach for Cake's file system, tools or process runner.
/// </summary>
public sealed class FakeCakeContext(string workingDirectory) : ICakeContext
{
    public FakeCakeEnvironment FakeEnvironment { get; } = new(workingDirectory);

    public FakeCakeLog FakeLog { get; } = new();

    public ICakeEnvironment Environment => FakeEnvironment;

    public ICakeLog Log => FakeLog;

    public IFileSystem FileSystem => throw Unused(nameof(FileSystem));

    public IGlobber Globber => throw Unused(nameof(Globber));

    public ICakeArguments Arguments => throw Unused(nameof(Arguments));

    public IProcessRunner ProcessRunner => throw Unused(nameof(ProcessRunner));

    public IRegistry Registry => throw Unused(nameof(Registry));

    public IToolLocator Tools => throw Unused(nameof(Tools));

    public ICakeDataResolver Data => throw Unused(nameof(Data));

    public ICakeConfiguration Configuration => throw Unused(nameof(Configuration));

    public IToolInstaller ToolInstaller => throw Unused(nameof(ToolInstaller));

    public IServiceProvider ServiceProvider => throw Unused(nameof(ServiceProvider));

    private static NotSupportedException Unused(string service) => new($"The Buildpacks aliases do not use {service}.");
}
