using System.Globalization;

namespace Buildpacks.Core.Toml;

/// <summary>Integers, floats and the four date/time kinds.</summary>
internal sealed partial class TomlParser
{
    private object ParseNumberOrDateTime()
    {
        if (IsDigitAt(_pos) && IsDigitAt(_pos + 1))
        {
            if (CharAt(_pos + 2) == ':')
            {
                TimeOnly time = ParseTime();
                return new TomlDateTime(TomlDateTimeKind.LocalTime, default, time, null);
            }

            if (IsDigitAt(_pos + 2) && IsDigitAt(_pos + 3) && CharAt(_pos + 4) == '-')
            {
                return ParseDateTime();
            }
        }

        int start = _pos;
        bool signed = false;
        bool negative = false;
        if (_text[_pos] is '+' or '-')
        {
            signed = true;
            negative = _text[_pos] == '-';
            _pos++;
        }

        if (StartsWithWord("inf"))
        {
            _pos += 3;
            return negative ? double.NegativeInfinity : double.PositiveInfinity;
        }

        if (StartsWithWord("nan"))
        {
            _pos += 3;
            return negative ? -double.NaN : double.NaN;
        }

        if (!IsDigitAt(_pos))
        {
            throw ErrorAt(start, $"invalid number: expected a digit{(signed ? " after the sign" : string.Empty)} but found {Describe(_pos)}");
        }

        if (_text[_pos] == '0' && CharAt(_pos + 1) is 'x' or 'o' or 'b')
        {
            if (signed)
            {
                throw ErrorAt(start, "a sign is not allowed on hexadecimal, octal or binary integers");
            }

            return ParsePrefixedInteger();
        }

        if (_text[_pos] == '0' && (IsDigitAt(_pos + 1) || CharAt(_pos + 1) == '_'))
        {
            throw ErrorAt(start, "leading zeros are not allowed in decimal numbers");
        }

        ScanDecimalDigits("number");
        bool isFloat = false;
        if (CharAt(_pos) == '.')
        {
            isFloat = true;
            _pos++;
            if (!IsDigitAt(_pos))
            {
                throw Error($"invalid float: expected a digit after the decimal point but found {Describe(_pos)}");
            }

            ScanDecimalDigits("fraction");
        }

        if (CharAt(_pos) is 'e' or 'E')
        {
            isFloat = true;
            _pos++;
            if (CharAt(_pos) is '+' or '-')
            {
                _pos++;
            }

            if (!IsDigitAt(_pos))
            {
                throw Error($"invalid float: expected a digit in the exponent but found {Describe(_pos)}");
            }

            ScanDecimalDigits("exponent");
        }

        ReadOnlySpan<char> token = _text.AsSpan(start, _pos - start);
        return isFloat ? ParseFloat(token, start) : ParseDecimalInteger(token, start, negative);
    }

    /// <summary>Scans <c>digit *( ["_"] digit )</c>: underscores only between two digits.</summary>
    private void ScanDecimalDigits(string what)
    {
        _pos++; // the caller checked the first digit
        while (true)
        {
            char c = CharAt(_pos);
            if (c is >= '0' and <= '9')
            {
                _pos++;
            }
            else if (c == '_')
            {
                if (!IsDigitAt(_pos + 1))
                {
                    throw Error($"invalid {what}: an underscore must be between two digits");
                }

                _pos++;
            }
            else
            {
                return;
            }
        }
    }

    private object ParseFloat(ReadOnlySpan<char> token, int start)
    {
        Span<char> buffer = token.Length <= 128 ? stackalloc char[token.Length] : new char[token.Length];
        int length = 0;
        foreach (char c in token)
        {
            if (c != '_')
            {
                buffer[length++] = c;
            }
        }

        if (!double.TryParse(buffer[..length], NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            throw ErrorAt(start, $"invalid float \"{token}\"");
        }

        return value;
    }

    private object ParseDecimalInteger(ReadOnlySpan<char> token, int start, bool negative)
    {
        ulong limit = negative ? 9_223_372_036_854_775_808UL : long.MaxValue;
        ulong value = 0;
        foreach (char c in token)
        {
            if (c is < '0' or > '9')
            {
                continue; // sign and underscores
            }

            uint digit = (uint)(c - '0');
            if (value > (limit - digit) / 10)
            {
                throw ErrorAt(start, $"integer {token} is out of range: TOML integers must fit in 64 bits ({long.MinValue} to {long.MaxValue})");
            }

            value = (value * 10) + digit;
        }

        return negative ? unchecked((long)(0UL - value)) : (long)value;
    }

    private long ParsePrefixedInteger()
    {
        int start = _pos;
        char prefix = _text[_pos + 1];
        int radixBits = prefix switch { 'x' => 4, 'o' => 3, _ => 1 };
        string name = prefix switch { 'x' => "hexadecimal", 'o' => "octal", _ => "binary" };
        _pos += 2;

        ulong value = 0;
        bool needDigit = true;
        while (true)
        {
            char c = CharAt(_pos);
            int digit = c == '_' ? -2 : DigitValue(c, radixBits);
            if (digit >= 0)
            {
                if ((value >> (63 - radixBits)) != 0)
                {
                    throw ErrorAt(start, $"{name} integer {_text.AsSpan(start, _pos + 1 - start)}... is out of range: TOML integers must fit in 64 bits (at most {long.MaxValue})");
                }

                value = (value << radixBits) | (uint)digit;
                needDigit = false;
                _pos++;
            }
            else if (digit == -2)
            {
                if (needDigit || DigitValue(CharAt(_pos + 1), radixBits) < 0)
                {
                    throw Error($"invalid {name} integer: an underscore must be between two digits");
                }

                _pos++;
            }
            else if (needDigit)
            {
                throw Error($"invalid {name} integer: expected a digit after 0{prefix} but found {Describe(_pos)}");
            }
            else if (c is (>= '0' and <= '9') or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z'))
            {
                throw Error($"invalid digit {Describe(_pos)} in {name} integer");
            }
            else
            {
                return (long)value;
            }
        }
    }

    private static int DigitValue(char c, int radixBits)
    {
        int value = HexValue(c);
        return value >= 0 && value < (1 << radixBits) ? value : -1;
    }

    // ---------------------------------------------------------------- date and time

    /// <summary>Parses a value that starts with <c>YYYY-</c>: a local date, local date-time or offset date-time.</summary>
    private TomlDateTime ParseDateTime()
    {
        int start = _pos;
        int year = ReadDigits(4, "year");
        Expect('-', "between the year and the month of a date");
        int month = ReadDigits(2, "month");
        Expect('-', "between the month and the day of a date");
        int day = ReadDigits(2, "day");

        if (month is < 1 or > 12)
        {
            throw ErrorAt(start, $"invalid date: month {month:D2} is not between 01 and 12");
        }

        if (year == 0)
        {
            throw ErrorAt(start, "invalid date: year 0000 is not supported (years 0001 to 9999 are)");
        }

        if (day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            throw ErrorAt(start, $"invalid date: {year:D4}-{month:D2} has no day {day:D2}");
        }

        var date = new DateOnly(year, month, day);

        // The date/time separator is 'T', 't' or a space; a space only counts when a time follows.
        char separator = CharAt(_pos);
        if (separator is 'T' or 't')
        {
            _pos++;
            if (!(IsDigitAt(_pos) && IsDigitAt(_pos + 1) && CharAt(_pos + 2) == ':'))
            {
                throw Error($"invalid date-time: expected a time (HH:MM:SS) after '{separator}' but found {Describe(_pos)}");
            }
        }
        else if (!(separator == ' ' && IsDigitAt(_pos + 1) && IsDigitAt(_pos + 2) && CharAt(_pos + 3) == ':'))
        {
            return new TomlDateTime(TomlDateTimeKind.LocalDate, date, default, null);
        }
        else
        {
            _pos++;
        }

        TimeOnly time = ParseTime();
        char zone = CharAt(_pos);
        if (zone is 'Z' or 'z')
        {
            _pos++;
            return new TomlDateTime(TomlDateTimeKind.OffsetDateTime, date, time, TimeSpan.Zero);
        }

        if (zone is '+' or '-')
        {
            int offsetStart = _pos;
            _pos++;
            int hours = ReadDigits(2, "offset hour");
            Expect(':', "between the hours and minutes of a UTC offset");
            int minutes = ReadDigits(2, "offset minute");
            if (hours > 23 || minutes > 59)
            {
                throw ErrorAt(offsetStart, $"invalid UTC offset {_text.AsSpan(offsetStart, 6)}: hours must be 00-23 and minutes 00-59");
            }

            var offset = new TimeSpan(hours, minutes, 0);
            return new TomlDateTime(TomlDateTimeKind.OffsetDateTime, date, time, zone == '-' ? -offset : offset);
        }

        return new TomlDateTime(TomlDateTimeKind.LocalDateTime, date, time, null);
    }

    /// <summary>Parses <c>HH:MM:SS[.fraction]</c>; fractional digits beyond 100 ns are truncated.</summary>
    private TimeOnly ParseTime()
    {
        int start = _pos;
        int hour = ReadDigits(2, "hour");
        Expect(':', "between the hours and minutes of a time");
        int minute = ReadDigits(2, "minute");
        if (CharAt(_pos) != ':')
        {
            throw Error($"invalid time: expected ':' and seconds after {_text.AsSpan(start, _pos - start)} (seconds are required in TOML 1.0) but found {Describe(_pos)}");
        }

        _pos++;
        int second = ReadDigits(2, "second");
        if (hour > 23 || minute > 59 || second > 60)
        {
            throw ErrorAt(start, $"invalid time {_text.AsSpan(start, _pos - start)}: hours must be 00-23, minutes 00-59 and seconds 00-59");
        }

        if (second == 60)
        {
            throw ErrorAt(start, $"unsupported time {_text.AsSpan(start, _pos - start)}: leap seconds cannot be represented");
        }

        long ticks = 0;
        if (CharAt(_pos) == '.')
        {
            _pos++;
            if (!IsDigitAt(_pos))
            {
                throw Error($"invalid time: expected a digit after the decimal point but found {Describe(_pos)}");
            }

            long scale = TimeSpan.TicksPerSecond;
            while (IsDigitAt(_pos))
            {
                scale /= 10;
                ticks += (_text[_pos] - '0') * scale; // scale reaches 0 after 7 digits: further precision is truncated
                _pos++;
            }
        }

        return new TimeOnly(hour, minute, second).Add(TimeSpan.FromTicks(ticks));
    }

    private int ReadDigits(int count, string what)
    {
        int value = 0;
        for (int k = 0; k < count; k++)
        {
            if (!IsDigitAt(_pos))
            {
                throw Error($"invalid date/time: expected {count} digits for the {what} but found {Describe(_pos)}");
            }

            value = (value * 10) + (_text[_pos] - '0');
            _pos++;
        }

        return value;
    }

    private void Expect(char c, string where)
    {
        if (CharAt(_pos) != c)
        {
            throw Error($"invalid date/time: expected '{c}' {where} but found {Describe(_pos)}");
        }

        _pos++;
    }

    private char CharAt(int index) => index < _text.Length ? _text[index] : '\0';

    private bool IsDigitAt(int index) => index < _text.Length && _text[index] is >= '0' and <= '9';
}
