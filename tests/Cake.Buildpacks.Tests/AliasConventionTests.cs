using System.Reflection;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using Cake.Core;
using Cake.Core.Annotations;

namespace Cake.Buildpacks.Tests;

/// <summary>What Cake's addin analyzer would check, done with reflection since the analyzer is not available here.</summary>
public sealed class AliasConventionTests
{
    private static readonly Assembly Addin = typeof(BuildpacksAliases).Assembly;

    public static TheoryData<string> AliasClasses => [.. AliasTypes().Select(t => t.FullName!)];

    public static TheoryData<string> AliasMethods => [.. AliasTypes().SelectMany(PublicStaticMethods).Select(DocumentationId)];

    [Fact]
    public void The_addin_has_its_verbs()
    {
        var aliases = AliasTypes().SelectMany(PublicStaticMethods).Select(m => m.Name).Distinct().Order();

        Assert.Equal(["BuildpackCacheList", "BuildpackCachePrune", "BuildpackDetect", "BuildpackLock", "BuildpackPackage", "BuildpackStackBuild", "BuildpackStage", "DropletInspect", "DropletRun"], aliases);
    }

    [Theory]
    [MemberData(nameof(AliasClasses))]
    public void An_alias_class_has_a_category_and_imports_every_namespace_its_aliases_use(string typeName)
    {
        var type = Addin.GetType(typeName)!;

        var category = type.GetCustomAttribute<CakeAliasCategoryAttribute>();
        Assert.NotNull(category);
        Assert.Equal("Buildpacks", category.Name);

        // A script can only name a result or settings type whose namespace the addin imports.
        var imported = type.GetCustomAttributes<CakeNamespaceImportAttribute>().Select(a => a.Namespace).ToHashSet();
        var used = PublicStaticMethods(type)
            .SelectMany(m => m.GetParameters().Skip(1).Select(p => p.ParameterType).Append(m.ReturnType))
            .Select(t => t.IsArray ? t.GetElementType()! : t)
            .Where(t => t.Assembly != typeof(object).Assembly && t.Assembly != typeof(ICakeContext).Assembly)
            .Select(t => t.Namespace!)
            .Append(type.Namespace!)
            .Distinct();
        Assert.All(used, ns => Assert.Contains(ns, imported));
    }

    [Theory]
    [MemberData(nameof(AliasMethods))]
    public void Every_public_static_method_of_an_alias_class_is_an_alias_on_ICakeContext(string documentationId)
    {
        var method = AliasTypes().SelectMany(PublicStaticMethods).Single(m => DocumentationId(m) == documentationId);

        Assert.NotNull(method.GetCustomAttribute<CakeMethodAliasAttribute>());
        Assert.True(method.IsDefined(typeof(ExtensionAttribute)), "an alias is an extension method");
        Assert.Equal(typeof(ICakeContext), method.GetParameters()[0].ParameterType);
    }

    [Theory]
    [MemberData(nameof(AliasMethods))]
    public void Every_alias_is_documented_with_a_script_example(string documentationId)
    {
        var method = AliasTypes().SelectMany(PublicStaticMethods).Single(m => DocumentationId(m) == documentationId);
        var member = Documentation().Descendants("member").SingleOrDefault(e => (string?)e.Attribute("name") == documentationId);

        Assert.True(member is not null, $"{documentationId} is not in the XML documentation");
        Assert.False(string.IsNullOrWhiteSpace(member.Element("summary")?.Value), "no <summary>");
        Assert.False(string.IsNullOrWhiteSpace(member.Element("returns")?.Value), "no <returns>");
        Assert.False(string.IsNullOrWhiteSpace(member.Element("example")?.Element("code")?.Value), "no <example><code>");
        Assert.Equal(
            method.GetParameters().Select(p => p.Name),
            member.Elements("param").Select(p => (string?)p.Attribute("name")));
    }

    [Fact]
    public void The_XML_documentation_ships_next_to_the_assembly()
    {
        Assert.True(File.Exists(DocumentationPath()), DocumentationPath() + " is missing");
        Assert.Equal(Addin.GetName().Name, Documentation().Element("assembly")?.Element("name")?.Value);
    }

    private static IEnumerable<Type> AliasTypes() =>
        Addin.GetExportedTypes().Where(t => t.IsAbstract && t.IsSealed && (
            t.Name.EndsWith("Aliases", StringComparison.Ordinal) ||
            t.GetCustomAttribute<CakeAliasCategoryAttribute>() is not null ||
            t.GetMethods().Any(m => m.GetCustomAttribute<CakeMethodAliasAttribute>() is not null)));

    private static IEnumerable<MethodInfo> PublicStaticMethods(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly);

    private static string DocumentationId(MethodInfo method) =>
        $"M:{method.DeclaringType!.FullName}.{method.Name}({string.Join(",", method.GetParameters().Select(p => p.ParameterType.FullName))})";

    private static string DocumentationPath() => Path.ChangeExtension(Addin.Location, ".xml");

    private static XElement Documentation() => XDocument.Load(DocumentationPath()).Root!;
}
