using System.Diagnostics.CodeAnalysis;
using Esf.Projects.Handlers;
using Esf.Projects.Handlers.Lists;
using Esf.Projects.Handlers.Prose;

namespace Esf.Projects;

/// <summary>
/// Configures an <see cref="EsfProjectParser"/>: options, header fields and section handlers. Mutable and not
/// thread-safe; <see cref="Build(IServiceProvider?)"/> freezes a copy, so later changes do not affect built parsers.
/// </summary>
/// <remarks>
/// A new builder holds <see cref="ProjectParserOptions.Default"/>, every built-in header field
/// (<see cref="EsfHeaderFields.All"/>) and the built-in section handlers: three <see cref="ListSectionHandler"/>s
/// (co-financiers, partners, municipalities) and a <see cref="ProseSectionHandler"/>. The built-ins use the same
/// mechanisms as yours; how a page is split into header, sections and list items does not depend on any of them,
/// and which list a section's items make is the list handlers' decision (remove them and the lists are empty).
/// </remarks>
public sealed class ProjectParserBuilder
{
    /// <summary>Creates a builder with the default options and the built-in fields and handlers.</summary>
    public ProjectParserBuilder()
    {
        foreach (var field in EsfHeaderFields.All)
        {
            HeaderFields.Add(field);
        }

        SectionHandlers.Add(new ListSectionHandler(ListSectionKind.CoFinanciers));
        SectionHandlers.Add(new ListSectionHandler(ListSectionKind.Partners));
        SectionHandlers.Add(new ListSectionHandler(ListSectionKind.Municipalities));
        SectionHandlers.Add(new ProseSectionHandler());
    }

    /// <summary>The options the parser is built with, changed through <see cref="Configure"/> (one way to change them, so a chain of builder calls reads in order).</summary>
    public ProjectParserOptions Options { get; private set; } = ProjectParserOptions.Default;

    /// <summary>The section handlers, in order; add, insert, replace or remove here.</summary>
    public SectionHandlerList SectionHandlers { get; } = new();

    /// <summary>The header fields, in order: the built-in ones first; add yours (a <see cref="HeaderFieldDefinition{T}"/> or any <see cref="HeaderFieldHandler"/>), insert or remove.</summary>
    public IList<HeaderFieldHandler> HeaderFields { get; } = new List<HeaderFieldHandler>();

    /// <summary>
    /// The page layouts the parser recognises, in the order a tie of evidence is decided: the project bank's three
    /// (2007–2013 print export, 2014–2020, ESF+ 2021–2027), then any added. Each declares its marks and reads its
    /// pages' frame; a page that shows no layout's marks is read by the most tolerant built-in reader
    /// (<see cref="PageLayout.Unknown"/>), which is not in this list.
    /// </summary>
    public IList<Layouts.PageLayoutReader> Layouts { get; } = new List<Layouts.PageLayoutReader>(Parsing.Layouts.LayoutRecognizer.BuiltIn);

    /// <summary>Adds a page layout after the others.</summary>
    /// <param name="layout">The layout's reader.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="layout"/> is <see langword="null"/>.</exception>
    public ProjectParserBuilder AddLayout(Layouts.PageLayoutReader layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        Layouts.Add(layout);
        return this;
    }

    /// <summary>Appends a header field; its labels become known header labels.</summary>
    /// <param name="field">The field or handler.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="field"/> is <see langword="null"/>.</exception>
    public ProjectParserBuilder AddHeaderField(HeaderFieldHandler field)
    {
        ArgumentNullException.ThrowIfNull(field);
        HeaderFields.Add(field);
        return this;
    }

    /// <summary>Changes the options: <c>builder.Configure(o =&gt; o with { WarningsAsErrors = true })</c>.</summary>
    /// <param name="change">Returns the new options from the current ones.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidOperationException">The callback returned <see langword="null"/>.</exception>
    public ProjectParserBuilder Configure(Func<ProjectParserOptions, ProjectParserOptions> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        Options = change(Options) ?? throw new InvalidOperationException("The options callback returned null.");
        return this;
    }

    /// <summary>Appends a section handler.</summary>
    /// <param name="handler">The handler.</param>
    /// <returns>This builder.</returns>
    public ProjectParserBuilder AddSectionHandler(SectionHandler handler)
    {
        SectionHandlers.Add(handler);
        return this;
    }

    /// <summary>Appends a section handler created at build time, its constructor arguments resolved from the service provider given to <see cref="Build(IServiceProvider?)"/>.</summary>
    /// <typeparam name="THandler">The handler type.</typeparam>
    /// <returns>This builder.</returns>
    public ProjectParserBuilder AddSectionHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>()
        where THandler : SectionHandler
    {
        SectionHandlers.Add<THandler>();
        return this;
    }

    /// <summary>
    /// Teaches the parser a header label: another spelling for a field (<c>AddHeaderLabel("Projektansvarig",
    /// EsfHeaderFields.Owner.Key)</c>), or, without a field, a label whose rows are kept in
    /// <see cref="EsfProject.ExtraFields"/> without ESF0104.
    /// </summary>
    /// <param name="text">The label as written, matched ignoring case.</param>
    /// <param name="fieldKey">The key of the field it belongs to, or <see langword="null"/>; checked when the parser is built.</param>
    /// <returns>This builder.</returns>
    public ProjectParserBuilder AddHeaderLabel(string text, string? fieldKey = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        Options = Options with { Labels = Options.Labels.Add(new HeaderLabel(text.Trim(), fieldKey)) };
        return this;
    }

    /// <summary>Adds a heading that starts a section wherever it stands alone.</summary>
    /// <param name="heading">The heading.</param>
    /// <returns>This builder.</returns>
    public ProjectParserBuilder AddKnownHeading(string heading)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(heading);
        Options = Options with { KnownHeadings = Options.KnownHeadings.Add(heading.Trim()) };
        return this;
    }

    /// <summary>
    /// Also reads pages of the project bank's "In English" version: the English spellings of every label, heading and
    /// word of the vocabulary are matched too (<see cref="ParserLanguages.SwedishAndEnglish"/>). The Swedish ones stay.
    /// </summary>
    /// <returns>This builder.</returns>
    /// <remarks>The English wording is an assumption (the real labels are not known); adjust it through <see cref="ProjectParserOptions.Vocabulary"/>, <see cref="AddHeaderLabel"/> or your own field definitions.</remarks>
    public ProjectParserBuilder UseEnglishLabels()
    {
        Options = Options with { Languages = Options.Languages | ParserLanguages.English };
        return this;
    }

    /// <summary>Freezes the configuration into a thread-safe parser.</summary>
    /// <param name="services">Where handlers added by type get their constructor arguments; <see langword="null"/> allows only parameterless constructors.</param>
    /// <returns>The parser.</returns>
    /// <exception cref="InvalidOperationException">A handler added by type cannot be created from <paramref name="services"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A limit of <see cref="Options"/> is below 1.</exception>
    /// <exception cref="ArgumentException">A further label names a field key no header field has; two header fields share a key, or a user's key is a built-in name; a built-in field is in <see cref="HeaderFields"/> twice over (itself beside a <see cref="HeaderFieldDefinition{T}.WithReader"/> replacement).</exception>
    public EsfProjectParser Build(IServiceProvider? services = null)
    {
        services ??= EmptyServices.Instance;
        var handlers = SectionHandlers.Select(e => e.Create(services)).ToList();
        foreach (var field in HeaderFields)
        {
            ArgumentNullException.ThrowIfNull(field, nameof(HeaderFields));
        }

        foreach (var layout in Layouts)
        {
            ArgumentNullException.ThrowIfNull(layout, nameof(Layouts));
        }

        return new EsfProjectParser(Options, handlers, [.. HeaderFields], [.. Layouts]);
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
