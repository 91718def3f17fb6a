namespace Buildpacks.Core.Toml;

/// <summary>The four date/time value kinds of TOML 1.0.</summary>
public enum TomlDateTimeKind
{
    /// <summary>A date and time with a UTC offset, e.g. <c>1979-05-27T07:32:00Z</c>.</summary>
    OffsetDateTime,

    /// <summary>A date and time without an offset, e.g. <c>1979-05-27T07:32:00</c>.</summary>
    LocalDateTime,

    /// <summary>A date alone, e.g. <c>1979-05-27</c>.</summary>
    LocalDate,

    /// <summary>A time of day alone, e.g. <c>07:32:00</c>.</summary>
    LocalTime,
}
