using System.Diagnostics.CodeAnalysis;

namespace Esf.Projects.Fields;

/// <summary>
/// An e-mail address that passed a syntactic check, with the domain lower-cased and the written form kept.
/// </summary>
/// <remarks>
/// <para>The check is syntactic and deliberately practical (what a contact field on a web page can hold), not the
/// full RFC 5322 grammar: exactly one <c>@</c>; a local part of 1 to 64 characters — letters (any script), digits,
/// <c>. ! # $ % &amp; ' * + / = ? ^ _ ` { | } ~ -</c> — without leading, trailing or doubled dots; a domain of at most
/// 253 characters made of at least two dot-separated labels of letters, digits and inner hyphens (1 to 63 each),
/// the last of which (the top-level domain) is letters only and at least two long. Quoted local parts, comments
/// and IP-literal domains are rejected: they do not occur on project pages. Nothing is looked up.</para>
/// <para>Equality compares <see cref="Address"/> ordinally: the local part as written (RFC 5321 lets it be
/// case-sensitive) and the domain lower-cased. Immutable and thread-safe. <see cref="ISpanParsable{TSelf}"/> is
/// implemented explicitly (the provider is meaningless here), so your calls to <see cref="Parse(ReadOnlySpan{char})"/>
/// do not trip CA1305.</para>
/// </remarks>
public sealed class EmailAddress : IEquatable<EmailAddress>, ISpanParsable<EmailAddress>, IFieldSyntax<EmailAddress>
{
    private EmailAddress(string text, string localPart, string domain)
    {
        Text = text;
        LocalPart = localPart;
        Domain = domain;
        Address = localPart + "@" + domain;
    }

    /// <summary>The address as written, without surrounding white space (<c>Anna.Berg@Kavlinge.SE</c>).</summary>
    public string Text { get; }

    /// <summary>The part before <c>@</c>, as written.</summary>
    public string LocalPart { get; }

    /// <summary>The domain, lower-cased invariantly (<c>kavlinge.se</c>): the part to group contacts by organisation.</summary>
    public string Domain { get; }

    /// <summary>The normalised address: <see cref="LocalPart"/>, <c>@</c>, <see cref="Domain"/>.</summary>
    public string Address { get; }

    /// <summary>Checks and normalises an address.</summary>
    /// <param name="text">The address as written; surrounding white space is ignored.</param>
    /// <returns>The address, or the failure with its index in <paramref name="text"/>.</returns>
    public static FieldParseResult<EmailAddress> Parse(ReadOnlySpan<char> text) => FieldSyntax<EmailAddress>.Parse(text);

    /// <inheritdoc />
    static FieldParseError IFieldSyntax<EmailAddress>.ParseCore(ReadOnlySpan<char> text, out EmailAddress value, out int errorIndex)
    {
        var error = Check(text, out var start, out var at, out var end, out errorIndex);
        if (error != FieldParseError.None)
        {
            value = null!;
            return error;
        }

        var local = text[start..at].ToString();
        var domain = text[(at + 1)..end].ToString().ToLowerInvariant();
        value = new EmailAddress(text[start..end].ToString(), local, domain);
        return FieldParseError.None;
    }

    /// <summary>Checks an address without allocating: whether <see cref="Parse(ReadOnlySpan{char})"/> would accept it.</summary>
    /// <param name="text">The address as written.</param>
    /// <returns>Whether the address is syntactically valid.</returns>
    public static bool IsValid(ReadOnlySpan<char> text) => Check(text, out _, out _, out _, out _) == FieldParseError.None;

    /// <summary>Checks and normalises an address.</summary>
    /// <param name="text">The address as written.</param>
    /// <param name="address">The address, or <see langword="null"/> when rejected.</param>
    /// <returns>Whether the address is syntactically valid.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out EmailAddress? address) => FieldSyntax<EmailAddress>.TryParse(text, out address!);

    /// <summary>Parses as <see cref="Parse(ReadOnlySpan{char})"/> does, throwing on rejection.</summary>
    /// <param name="s">The address.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The address.</returns>
    /// <exception cref="FormatException">The text is not an e-mail address; the message gives the reason and the index.</exception>
    static EmailAddress ISpanParsable<EmailAddress>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s).GetValueOrThrow();

    /// <summary>Parses as <see cref="Parse(ReadOnlySpan{char})"/> does, throwing on rejection.</summary>
    /// <param name="s">The address.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The address.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not an e-mail address.</exception>
    static EmailAddress IParsable<EmailAddress>.Parse(string s, IFormatProvider? provider) => FieldSyntax<EmailAddress>.Parse(s);

    /// <summary>Tries to parse an address.</summary>
    /// <param name="s">The address.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The address, or <see langword="null"/>.</param>
    /// <returns>Whether the text is an e-mail address.</returns>
    static bool ISpanParsable<EmailAddress>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, [NotNullWhen(true)] out EmailAddress? result) => TryParse(s, out result);

    /// <summary>Tries to parse an address; <see langword="null"/> is rejected.</summary>
    /// <param name="s">The address.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The address, or <see langword="null"/>.</param>
    /// <returns>Whether the text is an e-mail address.</returns>
    static bool IParsable<EmailAddress>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [NotNullWhen(true)] out EmailAddress? result) => FieldSyntax<EmailAddress>.TryParse(s, out result!);

    /// <inheritdoc />
    public bool Equals(EmailAddress? other) => other is not null && string.Equals(Address, other.Address, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as EmailAddress);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Address);

    /// <summary>The normalised address.</summary>
    /// <returns><see cref="Address"/>.</returns>
    public override string ToString() => Address;

    private static FieldParseError Check(ReadOnlySpan<char> text, out int start, out int at, out int end, out int errorIndex)
    {
        start = TextChars.SkipSpaces(text, 0);
        end = text.Length;
        while (end > start && TextChars.IsSpace(text[end - 1]))
        {
            end--;
        }

        at = -1;
        errorIndex = 0;
        if (start == end)
        {
            return FieldParseError.Empty;
        }

        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c == '@')
            {
                if (at >= 0)
                {
                    errorIndex = i;
                    return FieldParseError.InvalidEmailAddress;
                }

                at = i;
            }
            else if (!(at < 0 ? IsLocalChar(c) : IsDomainChar(c)))
            {
                errorIndex = i;
                return FieldParseError.UnexpectedCharacter;
            }
        }

        if (at < 0)
        {
            errorIndex = start;
            return FieldParseError.InvalidEmailAddress;
        }

        var local = text[start..at];
        var doubleDot = local.IndexOf("..", StringComparison.Ordinal);
        if (local.Length is 0 or > 64 || local[0] == '.' || local[^1] == '.' || doubleDot >= 0)
        {
            errorIndex = local.Length == 0 || local[0] == '.' ? start
                : local.Length > 64 ? start + 64
                : doubleDot >= 0 ? start + doubleDot + 1
                : at - 1;
            return FieldParseError.InvalidEmailAddress;
        }

        var domainStart = at + 1;
        var domain = text[domainStart..end];
        if (domain.Length is 0 or > 253)
        {
            errorIndex = domainStart;
            return FieldParseError.InvalidEmailAddress;
        }

        var labelStart = 0;
        var labels = 0;
        for (var i = 0; i <= domain.Length; i++)
        {
            if (i < domain.Length && domain[i] != '.')
            {
                continue;
            }

            var label = domain[labelStart..i];
            var last = i == domain.Length;
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-' || (last && (labels == 0 || label.Length < 2 || !IsAllLetters(label))))
            {
                errorIndex = domainStart + labelStart;
                return FieldParseError.InvalidEmailAddress;
            }

            labels++;
            labelStart = i + 1;
        }

        errorIndex = -1;
        return FieldParseError.None;
    }

    private static bool IsAllLetters(ReadOnlySpan<char> label)
    {
        foreach (var c in label)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLocalChar(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+/=?^_`{|}~-.".AsSpan().Contains(c) || (c > 0x7F && char.IsLetterOrDigit(c));

    private static bool IsDomainChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' || (c > 0x7F && char.IsLetterOrDigit(c));
}
