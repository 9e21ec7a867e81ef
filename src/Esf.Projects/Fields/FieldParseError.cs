namespace Esf.Projects.Fields;

/// <summary>Why a field parser rejected its input. Shared by every parser in <see cref="Esf.Projects.Fields"/>.</summary>
public enum FieldParseError
{
    /// <summary>No error: the parse succeeded.</summary>
    None = 0,

    /// <summary>The input is empty or white space only.</summary>
    Empty,

    /// <summary>A number was expected at the position but none was found.</summary>
    NoDigits,

    /// <summary>A thousands group does not have exactly three digits (<c>12 34</c>, <c>1 2345</c>), or the first group has more than three.</summary>
    MisplacedGroupSeparator,

    /// <summary>Thousands groups are separated by two different space characters (<c>1 234\u00A0567</c>).</summary>
    MixedGroupSeparators,

    /// <summary>A dot between digits: Swedish amounts use a decimal comma, so <c>1.234</c> could mean one thousand or one point two.</summary>
    AmbiguousDecimalPoint,

    /// <summary>More decimals than the unit allows: two öre digits for kronor, more for scaled units such as <c>Mkr</c>.</summary>
    TooManyDecimals,

    /// <summary>The value does not fit in <see cref="decimal"/> (or, for counts, in <see cref="int"/>).</summary>
    Overflow,

    /// <summary>A character that the format does not allow at this position, including trailing text after a complete value.</summary>
    UnexpectedCharacter,

    /// <summary>A date is not written as <c>YYYY-MM-DD</c> or as a Swedish long date (<c>1 februari 2012</c>).</summary>
    InvalidDate,

    /// <summary>A date is well-formed but does not exist (<c>2014-02-30</c>, month 13).</summary>
    ImpossibleDate,

    /// <summary>Two dates are not separated by <c>till</c>, <c>t.o.m.</c>, a hyphen or a dash.</summary>
    MissingRangeSeparator,

    /// <summary>The range ends before it starts.</summary>
    ReversedRange,

    /// <summary>The digits cannot be a Swedish phone number: no trunk prefix <c>0</c> or <c>+46</c>, or too few or too many digits.</summary>
    InvalidPhoneNumber,

    /// <summary>UTF-8 input contains a byte sequence that is not valid UTF-8; the index is in bytes.</summary>
    InvalidUtf8,

    /// <summary>Not an e-mail address: no single <c>@</c>, an empty or over-long local part, or a domain that is not dot-separated labels ending in a top-level domain of letters.</summary>
    InvalidEmailAddress,

    /// <summary>A line of a bullet list that neither starts with a list marker nor directly continues the item before it.</summary>
    MissingListMarker,

    /// <summary>Not a Swedish organisation number: ten digits (or twelve with the prefix <c>16</c>), with at most one hyphen, before the last four.</summary>
    InvalidOrganisationNumber,

    /// <summary>The check digit (the last digit, by the Luhn algorithm) does not match the others: a digit is mistyped.</summary>
    InvalidCheckDigit,

    /// <summary>Not a project number of the project bank: <c>YYYY/NNNNN</c> (2014–2020) or <c>NN-NNN-SNN</c> (2021–2027).</summary>
    InvalidProjectNumber,
}
