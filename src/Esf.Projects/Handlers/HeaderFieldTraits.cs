namespace Esf.Projects.Handlers;

/// <summary>
/// What the page reader must know of a header field beyond its labels, declared with the field: the built-in fields
/// declare theirs so (<see cref="EsfHeaderFields"/>), and a field of yours gets the same treatment by declaring the
/// same.
/// </summary>
[Flags]
public enum HeaderFieldTraits
{
    /// <summary>None: the label is read as a label wherever it stands, and its value holds nothing the layout reader looks at.</summary>
    None = 0,

    /// <summary>
    /// The label's word also begins ordinary values (<c>Region</c>: <c>Region Skåne</c> is an owner), so a line that
    /// starts with it and a space is not taken for this label where a value is expected.
    /// </summary>
    LabelMayStartValue = 1,

    /// <summary>
    /// The value may start with a lower-case letter glued to the label (<c>E-postanna@kommun.se</c>) when it holds an
    /// <c>@</c>: such a line is this label and its value, not a word that merely starts with the label.
    /// </summary>
    GluedLowerCaseEmail = 2,

    /// <summary>
    /// The value is a project number (<c>Diarienummer</c>, <c>Projektnummer</c>): it is one of
    /// <see cref="EsfProject.ProjectNumbers"/> (ESF0216 when it differs from the first), and its form
    /// (<c>2019/00871</c>, <c>23-112-S05</c>) counts toward recognising the page's layout.
    /// </summary>
    ProjectNumber = 4,
}
