using System.Diagnostics.CodeAnalysis;

namespace Esf.Projects.Tests.Fields;

/// <summary>Calls the .NET parsing interfaces the way generic code does (they are implemented explicitly).</summary>
internal static class Parsable
{
    public static T Parse<T>(string text) where T : IParsable<T> => T.Parse(text, null);

    public static T ParseSpan<T>(ReadOnlySpan<char> text) where T : ISpanParsable<T> => T.Parse(text, null);

    public static T ParseUtf8<T>(ReadOnlySpan<byte> utf8) where T : IUtf8SpanParsable<T> => T.Parse(utf8, null);

    public static bool TryParse<T>(string? text, [MaybeNullWhen(false)] out T value) where T : IParsable<T> => T.TryParse(text, null, out value);
}
