using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Esf.Projects.Fields;

/// <summary>A field parser's core over UTF-16: the error it found (or <see cref="FieldParseError.None"/>), its value and the index of the problem.</summary>
internal delegate FieldParseError SpanParser<T>(ReadOnlySpan<char> text, out T value, out int errorIndex);

/// <summary>
/// Runs a UTF-16 field parser on UTF-8 input: the bytes are transcoded into a stack buffer (a pooled array for
/// inputs over 256 bytes), so there is one implementation of each format and no allocation, and the error index
/// is mapped back from characters to bytes.
/// </summary>
internal static class Utf8Input
{
    private const int StackLimit = 256;

    public static FieldParseError Parse<T>(ReadOnlySpan<byte> utf8, SpanParser<T> parser, out T value, out int errorIndex)
    {
        char[]? rented = null;
        var buffer = utf8.Length <= StackLimit ? stackalloc char[StackLimit] : (rented = ArrayPool<char>.Shared.Rent(utf8.Length));
        try
        {
            var status = Utf8.ToUtf16(utf8, buffer, out var read, out var written, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                value = default!;
                errorIndex = read;
                return FieldParseError.InvalidUtf8;
            }

            var chars = buffer[..written];
            var error = parser(chars, out value, out var charIndex);
            errorIndex = error == FieldParseError.None ? -1 : Encoding.UTF8.GetByteCount(chars[..Math.Clamp(charIndex, 0, chars.Length)]);
            return error;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Writes UTF-16 text as UTF-8; false when <paramref name="destination"/> is too small.</summary>
    public static bool TryWrite(ReadOnlySpan<char> text, Span<byte> destination, out int bytesWritten)
    {
        var status = Utf8.FromUtf16(text, destination, out _, out bytesWritten, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            bytesWritten = 0;
            return false;
        }

        return true;
    }
}
