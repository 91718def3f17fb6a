namespace Buildpacks.Core.Toml;

/// <summary>How a table came into existence; decides what may still be added to it.</summary>
internal enum TomlTableKind
{
    /// <summary>Created only as a parent of a header such as <c>[a.b]</c> (for <c>a</c>); may later be defined once by its own header.</summary>
    Implicit,

    /// <summary>Defined by a <c>[header]</c> or <c>[[header]]</c> (or the root table); cannot be defined again.</summary>
    Header,

    /// <summary>Created by a dotted key such as <c>a.b = 1</c>; more dotted keys may add to it, headers may add sub-tables only.</summary>
    Dotted,

    /// <summary>An inline table <c>{ ... }</c>; complete and immutable once closed.</summary>
    Inline,
}
