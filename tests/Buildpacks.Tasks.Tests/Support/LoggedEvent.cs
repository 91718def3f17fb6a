using Microsoft.Build.Framework;

namespace Buildpacks.Tasks.Tests.Support;

/// <summary>One event a task logged, with the managed thread that logged it.</summary>
public sealed record LoggedEvent(BuildEventArgs Args, int ThreadId);
