using System.Globalization;
using System.Text;

namespace Buildpacks.Core.Toml;

/// <summary>
/// A TOML date/time value. <see cref="Kind"/> says which of the four TOML kinds it is; the parts that
/// kind does not have keep their defaults (<see cref="Date"/> is <c>0001-01-01</c> for a local time,
/// <see cref="Time"/> is midnight for a local date, <see cref="Offset"/> is <see langword="null"/> unless
/// the value is an offset date-time). Fractional seconds beyond 100 ns are truncated, as the spec requires.
/// </summary>
public readonly record struct TomlDateTime
{
    internal TomlDateTime(TomlDateTimeKind kind, DateOnly date, TimeOnly time, TimeSpan? offset)
    {
        Kind = kind;
        Date = date;
        Time = time;
        Offset = offset;
    }

    /// <summary>Which of the four TOML date/time kinds this value is.</summary>
    public TomlDateTimeKind Kind { get; }

    /// <summary>The calendar date; <c>0001-01-01</c> for <see cref="TomlDateTimeKind.LocalTime"/>.</summary>
    public DateOnly Date { get; }

    /// <summary>The time of day; midnight for <see cref="TomlDateTimeKind.LocalDate"/>.</summary>
    public TimeOnly Time { get; }

    /// <summary>The UTC offset (<see cref="TimeSpan.Zero"/> for <c>Z</c>); only set for <see cref="TomlDateTimeKind.OffsetDateTime"/>.</summary>
    public TimeSpan? Offset { get; }

    /// <summary>The date and time of day as written, without the offset (kind <see cref="DateTimeKind.Unspecified"/>).</summary>
    public DateTime ToDateTime() => Date.ToDateTime(Time, DateTimeKind.Unspecified);

    /// <summary>
    /// The value as a <see cref="DateTimeOffset"/>. Only valid for offset date-times; throws
    /// <see cref="InvalidOperationException"/> for the local kinds, and <see cref="ArgumentOutOfRangeException"/>
    /// when the value is outside what <see cref="DateTimeOffset"/> can hold (offsets beyond ±14:00, or an instant
    /// before year 1 / after year 9999 in UTC).
    /// </summary>
    public DateTimeOffset ToDateTimeOffset() =>
        Offset is { } offset
            ? new DateTimeOffset(ToDateTime(), offset)
            : throw new InvalidOperationException($"A TOML {Describe(Kind)} has no UTC offset.");

    /// <summary>The value in TOML / RFC 3339 form, e.g. <c>1979-05-27T00:32:00.999-07:00</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(35);
        if (Kind != TomlDateTimeKind.LocalTime)
        {
            sb.Append(Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (Kind == TomlDateTimeKind.LocalDate)
        {
            return sb.ToString();
        }

        if (Kind != TomlDateTimeKind.LocalTime)
        {
            sb.Append('T');
        }

        sb.Append(Time.ToString("HH:mm:ss", CultureInfo.InvariantCulture));
        long fraction = Time.Ticks % TimeSpan.TicksPerSecond;
        if (fraction != 0)
        {
            sb.Append('.').Append(fraction.ToString("D7", CultureInfo.InvariantCulture).TrimEnd('0'));
        }

        if (Offset is { } offset)
        {
            if (offset == TimeSpan.Zero)
            {
                sb.Append('Z');
            }
            else
            {
                sb.Append(offset < TimeSpan.Zero ? '-' : '+');
                var abs = offset.Duration();
                sb.Append(abs.Hours.ToString("D2", CultureInfo.InvariantCulture)).Append(':')
                  .Append(abs.Minutes.ToString("D2", CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    internal static string Describe(TomlDateTimeKind kind) => kind switch
    {
        TomlDateTimeKind.OffsetDateTime => "offset date-time",
        TomlDateTimeKind.LocalDateTime => "local date-time",
        TomlDateTimeKind.LocalDate => "local date",
        _ => "local time",
    };
}
