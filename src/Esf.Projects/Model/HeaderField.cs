namespace Esf.Projects.Model;

/// <summary>What a header label means. <see cref="Unknown"/> labels are kept, never dropped.</summary>
public enum HeaderFieldKind
{
    /// <summary>A label the parser does not know; see <see cref="EsfProject.ExtraFields"/>.</summary>
    Unknown = 0,

    /// <summary><c>Programområde</c>: the ESF program area.</summary>
    ProgramArea,

    /// <summary><c>Projektfas</c>: the project phase.</summary>
    Phase,

    /// <summary><c>Projektägare</c>: the organisation that owns the project.</summary>
    Owner,

    /// <summary><c>Kontaktperson</c>.</summary>
    ContactName,

    /// <summary><c>E-post</c>.</summary>
    ContactEmail,

    /// <summary><c>Telefonnummer</c>.</summary>
    ContactPhone,

    /// <summary><c>Beviljat ESF-stöd</c>: the granted support from the European Social Fund.</summary>
    GrantedEsfSupport,

    /// <summary><c>Total projektbudget</c>.</summary>
    TotalBudget,

    /// <summary><c>Projektperiod</c>.</summary>
    Period,

    /// <summary><c>Region</c>: the ESF region.</summary>
    Region,

    /// <summary><c>Projektnummer</c> (2014–2020 and later pages), such as <c>2020/00542</c>.</summary>
    ProjectNumber,

    /// <summary><c>Utlysning</c>: the call for proposals the project was granted under.</summary>
    CallNumber,

    /// <summary><c>Planerat antal deltagare</c>: planned number of participants.</summary>
    PlannedParticipants,

    /// <summary><c>Specifikt mål</c>: the programme's specific objective.</summary>
    SpecificObjective,

    /// <summary><c>Unionens medfinansieringsgrad</c>: the EU co-financing rate, in percent.</summary>
    EuCofinancingRate,
}

/// <summary>One labelled row of the page header, exactly as written, with positions.</summary>
/// <param name="Label">The label as written on the page (without a trailing colon).</param>
/// <param name="Kind">What the label means, or <see cref="HeaderFieldKind.Unknown"/>.</param>
/// <param name="Value">The value as written, trimmed; <see langword="null"/> when empty or written as missing (<c>saknas</c>).</param>
/// <param name="LabelPosition">Where the label starts.</param>
/// <param name="ValuePosition">Where the value starts; equal to <paramref name="LabelPosition"/> when the value is empty.</param>
public sealed record HeaderField(string Label, HeaderFieldKind Kind, string? Value, SourcePosition LabelPosition, SourcePosition ValuePosition)
{
    /// <summary>The results of the header field handlers that claimed the label, in handler order.</summary>
    public System.Collections.Immutable.ImmutableArray<object> Data { get; init; } = [];

    /// <summary>The first handler result of type <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The result type a handler produces.</typeparam>
    /// <returns>The result, or <see langword="null"/>.</returns>
    public T? GetData<T>()
        where T : class => Data.OfType<T>().FirstOrDefault();
}
