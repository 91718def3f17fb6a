// Transitional (see tests/Directory.Build.props): the Support namespaces of the test projects as they were before the
// helpers moved to Buildpacks.Testing. A test file written against the old layout says `using Buildpacks.Core.Tests.Support;`
// even in a project where that namespace no longer holds a type; declaring it keeps such a file compiling.
#pragma warning disable IDE0161 // Block-scoped: one file declares several namespaces.
namespace Buildpacks.Core.Tests.Support
{
}

namespace Buildpacks.Tasks.Tests.Support
{
}

namespace Cake.Buildpacks.Tests.Support
{
}

namespace Buildpacks.Cli.Tests.Support
{
}
#pragma warning restore IDE0161
