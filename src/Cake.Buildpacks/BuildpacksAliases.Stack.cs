using Buildpacks.Core.Stacks;
using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.Diagnostics;
using Cake.Core.IO;

namespace Cake.Buildpacks;

public static partial class BuildpacksAliases
{
    /// <summary>
    /// Builds a custom stack from a Paketo-style stack.toml: its build and run images, with the stack user, the
    /// <c>io.buildpacks.stack.id</c> label and CNB_USER_ID/CNB_GROUP_ID/CNB_STACK_ID, as <c>buildpacks stack build</c> does.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="stackFile">The stack.toml.</param>
    /// <param name="settings">Tag, name, archives and container CLI; null for the defaults.</param>
    /// <returns>The stack id and the two images' names.</returns>
    /// <exception cref="CakeException">The stack file is invalid (<c>BPK1210</c>-<c>BPK1213</c>, <c>BPK1220</c>) or a build failed (<c>BPK1214</c>).</exception>
    /// <example>
    /// <code>
    /// var stack = BuildpackStackBuild("./stacks/stack.toml", new BuildpackStackBuildSettings { Tag = "1.0" });
    /// BuildpackStage("./publish", new BuildpackStageSettings { StackImage = stack.BuildImage });
    /// </code>
    /// </example>
    [CakeMethodAlias]
    public static StackBuildResult BuildpackStackBuild(this ICakeContext context, FilePath stackFile, BuildpackStackBuildSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(stackFile);
        settings ??= new BuildpackStackBuildSettings();
        var request = new StackBuildRequest
        {
            StackFile = stackFile.MakeAbsolute(context.Environment).FullPath,
            Tag = settings.Tag,
            Name = settings.Name,
            BuildOutput = settings.BuildOutput?.MakeAbsolute(context.Environment).FullPath,
            RunOutput = settings.RunOutput?.MakeAbsolute(context.Environment).FullPath,
            Cli = settings.ContainerEngine,
        };
        return EngineCall.Run(cancellationToken => StackBuilder.BuildAsync(
            request,
            line => context.Log.Write(Verbosity.Normal, LogLevel.Information, "{0}", line),
            cancellationToken));
    }
}
