using Cake.Core.Diagnostics;

namespace Cake.Buildpacks.Tests.Support;

/// <summary>One line written to <see cref="FakeCakeLog"/>.</summary>
public sealed record FakeLogEntry(Verbosity Verbosity, LogLevel Level, string Text);
