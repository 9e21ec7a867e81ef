using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Esf.Projects.Parsing;

/// <summary>
/// Bytes to text, as pages are saved: a byte order mark decides (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE); without one,
/// valid UTF-8 is UTF-8; bytes that are not valid UTF-8 but read cleanly in the fallback encoding (Windows-1252 by
/// default) are read in it, with ESF0011. A forced encoding (<see cref="ProjectParserOptions.InputEncoding"/>)
/// skips the guessing. At most <see cref="ProjectParserOptions.MaxInputLength"/> characters are decoded.
/// </summary>
internal static class InputDecoder
{
    /// <summary>Characters that no page holds but that the fallback encoding makes of bytes it does not define (C1 controls) or of binary data (C0 controls but tab, line breaks and form feed).</summary>
    private static readonly SearchValues<char> Implausible = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F"
        + "\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F");

    public static string Decode(ReadOnlySpan<byte> bytes, ProjectParserOptions options, DiagnosticBag diagnostics, out bool cut)
    {
        var max = options.MaxInputLength;
        if (options.InputEncoding is { } forced)
        {
            var preamble = forced.Preamble;
            if (!preamble.IsEmpty && bytes.StartsWith(preamble))
            {
                bytes = bytes[preamble.Length..];
            }

            return forced.CodePage == Encoding.UTF8.CodePage
                ? DecodeUtf8(bytes, max, fallback: null, diagnostics, out cut)
                : DecodeWith(forced, bytes, max, diagnostics, out cut);
        }

        return bytes switch
        {
            [0xFF, 0xFE, 0x00, 0x00, ..] => DecodeWith(Encoding.UTF32, bytes[4..], max, diagnostics, out cut),
            [0x00, 0x00, 0xFE, 0xFF, ..] => DecodeWith(new UTF32Encoding(bigEndian: true, byteOrderMark: false), bytes[4..], max, diagnostics, out cut),
            [0xFF, 0xFE, ..] => DecodeWith(Encoding.Unicode, bytes[2..], max, diagnostics, out cut),
            [0xFE, 0xFF, ..] => DecodeWith(Encoding.BigEndianUnicode, bytes[2..], max, diagnostics, out cut),
            _ => DecodeUtf8(bytes, max, options.FallbackEncoding, diagnostics, out cut), // a UTF-8 BOM stays: the line table skips it
        };
    }

    /// <summary>
    /// A stream's bytes to its end, or to <paramref name="limit"/> and one byte more — enough for the decoder to see
    /// that the input is too long — so an endless stream ends. Blocks come from the pool; the bytes are the
    /// <see cref="MemoryStream"/>'s own buffer, not copied again.
    /// </summary>
    public static ArraySegment<byte> ReadBounded(Stream stream, long limit)
    {
        var buffer = new MemoryStream();
        var block = ArrayPool<byte>.Shared.Rent(BlockSize);
        try
        {
            int read;
            while (buffer.Length <= limit && (read = stream.Read(block, 0, NextRead(buffer, block, limit))) > 0)
            {
                buffer.Write(block, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block);
        }

        return new ArraySegment<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary><see cref="ReadBounded"/> for streams read asynchronously (files of unknown length, the corpus's streams).</summary>
    public static async Task<ArraySegment<byte>> ReadBoundedAsync(Stream stream, long limit, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var block = ArrayPool<byte>.Shared.Rent(BlockSize);
        try
        {
            int read;
            while (buffer.Length <= limit && (read = await stream.ReadAsync(block.AsMemory(0, NextRead(buffer, block, limit)), cancellationToken).ConfigureAwait(false)) > 0)
            {
                buffer.Write(block, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block);
        }

        return new ArraySegment<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private const int BlockSize = 81920;

    /// <summary>How much the next read may bring: a block, or what is left up to one byte past the limit.</summary>
    private static int NextRead(MemoryStream buffer, byte[] block, long limit) => (int)Math.Min(block.Length, limit + 1 - buffer.Length);

    /// <summary>
    /// Valid UTF-8 in one pass through a pooled buffer. Invalid UTF-8 is read in <paramref name="fallback"/> when it
    /// reads cleanly there (ESF0011), otherwise with each bad sequence replaced and ESF0003 at the first.
    /// </summary>
    private static string DecodeUtf8(ReadOnlySpan<byte> utf8, int max, Encoding? fallback, DiagnosticBag diagnostics, out bool cut)
    {
        // UTF-8 never needs more UTF-16 code units than bytes, so a buffer of min(bytes, max + 1) tells "too long" apart.
        var size = (int)Math.Min(utf8.Length, (long)max + 1);
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, size));
        try
        {
            var status = Utf8.ToUtf16(utf8, buffer.AsSpan(0, size), out var read, out var written, replaceInvalidSequences: false);
            if (status == OperationStatus.InvalidData)
            {
                if (fallback is not null && !MostlyUtf8(utf8) && TryDecodeCleanly(fallback, utf8, max, out var text, out cut))
                {
                    diagnostics.Add(DiagnosticCodes.DecodedWithFallback, new SourcePosition(1, 1), fallback.WebName, read);
                    return text;
                }

                ReportInvalidUtf8(utf8, read, written, buffer, diagnostics);
                status = Utf8.ToUtf16(utf8, buffer.AsSpan(0, size), out _, out written, replaceInvalidSequences: true);
            }

            cut = status == OperationStatus.DestinationTooSmall || written > max;
            return new string(buffer, 0, CutAt(buffer.AsSpan(0, written), max));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Decodes with <paramref name="encoding"/>; each invalid sequence becomes U+FFFD, and ESF0012 points at the first.</summary>
    private static string DecodeWith(Encoding encoding, ReadOnlySpan<byte> bytes, int max, DiagnosticBag diagnostics, out bool cut)
    {
        var text = Decode(encoding, bytes, max, out var invalid, out cut);
        if (invalid)
        {
            var at = text.IndexOf('\uFFFD', StringComparison.Ordinal);
            using var prefix = SourceText.Create(text[..Math.Max(0, at)]);
            diagnostics.Add(DiagnosticCodes.InvalidEncodedText, prefix.Lines[^1].PositionOf(prefix.Text.Length), encoding.WebName);
        }

        return text;
    }

    /// <summary>
    /// Whether the bytes hold more valid multi-byte UTF-8 sequences than invalid ones: UTF-8 with a few damaged bytes
    /// (a page cut mid-character, one stray byte), which the fallback encoding would turn into mojibake
    /// (<c>Ã¥</c> for <c>å</c>) throughout. A Windows-1252 page has no such sequences: its <c>å</c> is one byte
    /// followed by ASCII.
    /// </summary>
    private static bool MostlyUtf8(ReadOnlySpan<byte> utf8)
    {
        int valid = 0, invalid = 0;
        while (!utf8.IsEmpty)
        {
            var ascii = utf8.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (ascii < 0)
            {
                break;
            }

            utf8 = utf8[ascii..];
            var status = Rune.DecodeFromUtf8(utf8, out _, out var consumed);
            if (status == OperationStatus.Done)
            {
                valid++;
            }
            else
            {
                invalid++;
            }

            utf8 = utf8[Math.Max(1, consumed)..];
        }

        return valid > invalid;
    }

    /// <summary>Whether the bytes read in <paramref name="encoding"/> without an invalid sequence and without characters no page holds.</summary>
    private static bool TryDecodeCleanly(Encoding encoding, ReadOnlySpan<byte> bytes, int max, out string text, out bool cut)
    {
        text = Decode(encoding, bytes, max, out var invalid, out cut);
        return !invalid && text.AsSpan().IndexOfAny(Implausible) < 0;
    }

    private static string Decode(Encoding encoding, ReadOnlySpan<byte> bytes, int max, out bool invalid, out bool cut)
    {
        // Enough bytes for max + 1 characters in any encoding, so "too long" is told apart without decoding the rest.
        var take = (int)Math.Min(bytes.Length, ((long)max + 1) * (encoding.IsSingleByte ? 1 : 4));
        var counting = new CountingFallback();
        var decoder = (Encoding)encoding.Clone();
        decoder.DecoderFallback = counting;
        var text = decoder.GetString(bytes[..take]);
        cut = text.Length > max;
        if (cut)
        {
            text = text[..CutAt(text, max)];
        }

        // A sequence split where the bytes were cut at the limit is not the page's fault.
        invalid = counting.Count > 0 && (!cut || text.Contains('\uFFFD', StringComparison.Ordinal));
        return text;
    }

    /// <summary>Where to cut at <paramref name="max"/> characters without splitting a surrogate pair (the whole length when it is no longer).</summary>
    internal static int CutAt(ReadOnlySpan<char> text, int max)
    {
        if (text.Length <= max)
        {
            return text.Length;
        }

        return max > 0 && char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
    }

    /// <summary>ESF0003 at the first invalid byte: its position is the end of the text decoded before it, with the line rules of <see cref="SourceText"/>.</summary>
    private static void ReportInvalidUtf8(ReadOnlySpan<byte> utf8, int validBytes, int validChars, char[] decoded, DiagnosticBag diagnostics)
    {
        using var prefix = SourceText.Create(new string(decoded, 0, validChars));
        var position = prefix.Lines[^1].PositionOf(prefix.Text.Length);
        diagnostics.Add(DiagnosticCodes.InvalidUtf8, position, validBytes, utf8[validBytes]);
    }

    /// <summary>Replaces each invalid sequence with U+FFFD, as the default fallback does, and counts them.</summary>
    private sealed class CountingFallback : DecoderFallback
    {
        public int Count { get; private set; }

        public override int MaxCharCount => 1;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

        private sealed class Buffer(CountingFallback owner) : DecoderFallbackBuffer
        {
            private int _remaining;

            public override int Remaining => _remaining;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                owner.Count++;
                _remaining = 1;
                return true;
            }

            public override char GetNextChar()
            {
                if (_remaining == 0)
                {
                    return '\0';
                }

                _remaining--;
                return '\uFFFD';
            }

            public override bool MovePrevious()
            {
                if (_remaining > 0)
                {
                    return false;
                }

                _remaining++;
                return true;
            }

            public override void Reset() => _remaining = 0;
        }
    }
}
