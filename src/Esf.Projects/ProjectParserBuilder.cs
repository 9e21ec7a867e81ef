using System.Diagnostics.CodeAnalysis;
using Esf.Projects.Handlers;
using Esf.Projects.Handlers.Lists;
using Esf.Projects.Handlers.Prose;

namespace Esf.Projects;

/// <summary>
/// Configures an <see cref="EsfProjectParser"/>: options, header labels and section handlers. Mutable and not
/// thread-safe; <see cref="Build(IServiceProvider?)"/> freezes a copy, so later changes do not affect built parsers.
/// </summary>
/// <remarks>
/// A new builder holds <see cref="ProjectParserOptions.Default"/> and the built-in handlers: three
/// <see cref="ListSectionHandler"/>s (co-financiers, partners, municipalities) and a <see cref="ProseSectionHandler"/>.
/// Every handler whose headings match a section runs, in list order; see <see cref="SectionHandler"/>.
/// </remarks>
public sealed class ProjectParserBuilder
{
    /// <summary>Creates a builder with the default options and the built-in handlers.</summary>
    public ProjectParserBuilder()
    {
        SectionHandlers.Add(new ListSectionHandler(ListSectionKind.CoFinanciers));
        SectionHandlers.Add(new ListSectionHandler(ListSectionKind.Partners));
        SectionHandlers.Add(new ListSectionHandler(ListSectionKind.Municipalities));
        SectionHandlers.Add(new ProseSectionHandler());
    }

    /// <summary>The options the parser is built with; replace them or use <see cref="Configure"/>.</summary>
    public ProjectParserOptions Options { get; set; } = ProjectParserOptions.Default;

    /// <summary>The section handlers, in order; add, insert, replace or remove here.</summary>
    public SectionHandlerList SectionHandlers { get; } = new();

    /// <summary>The header field handlers, in order (a plain list: add, insert, remove).</summary>
    public IList<HeaderFieldHandler> HeaderFieldHandlers { get; } = new List<HeaderFieldHandler>();

    /// <summary>Appends a header field handler; its labels become known header labels.</summary>
    /// <param name="handler">The handler.</param>
    /// <returns>This builder.</returns>
    public ProjectParserBuilder AddHeaderFieldHandler(HeaderFieldHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        HeaderFieldHandlers.Add(handler);
        return this;
    }

    /// <summary>Changes the options: <c>builder.Configure(o =&gt; o with { WarningsAsErrors = true })</c>.</summary>
    /// <param name="change">Returns the new options from the current ones.</param>
    /// <returns>This builder.</returns>
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

    /// <summary>Teaches the parser a header label: another spelling or language for a known field, or a new label (kind <see cref="Model.HeaderFieldKind.Unknown"/>) kept in <see cref="Model.EsfProject.ExtraFields"/> without ESF0104.</summary>
    /// <param name="text">The label as written, matched ignoring case.</param>
    /// <param name="kind">The field it fills.</param>
    /// <returns>This builder.</returns>
    public ProjectParserBuilder AddHeaderLabel(string text, Model.HeaderFieldKind kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        Options = Options with { Labels = Options.Labels.Add(new HeaderLabel(text.Trim(), kind)) };
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
    /// Also reads pages of the project bank's "In English" version: adds <see cref="ProjectParserOptions.EnglishLabels"/>
    /// and <see cref="ProjectParserOptions.EnglishHeadings"/>, the list headings <c>Co-financiers</c>, <c>Partners</c>
    /// and <c>Municipality</c>/<c>Municipalities</c>, and English prose headings. The Swedish vocabulary stays.
    /// </summary>
    /// <returns>This builder.</returns>
    /// <remarks>The English wording is an assumption (the real labels are not known here); adjust with <see cref="AddHeaderLabel"/> or by editing <see cref="Options"/>.</remarks>
    public ProjectParserBuilder UseEnglishLabels()
    {
        Options = Options with
        {
            Labels = [.. Options.Labels, .. ProjectParserOptions.EnglishLabels.Where(l => !Options.Labels.Contains(l))],
            KnownHeadings = [.. Options.KnownHeadings, .. ProjectParserOptions.EnglishHeadings.Where(h => !Options.KnownHeadings.Contains(h))],
        };
        SectionHandlers.Replace(
            h => h is ListSectionHandler,
            h =>
            {
                var list = (ListSectionHandler)h;
                var english = list.Kind switch
                {
                    ListSectionKind.CoFinanciers => new[] { "Co-financiers", "Co-financier" },
                    ListSectionKind.Partners => ["Partners", "Partner organisations"],
                    _ => ["Municipality", "Municipalities"],
                };
                return list.Headings.Headings.Contains(english[0]) ? list : new ListSectionHandler(list.Kind, list.Headings.With(english));
            });
        SectionHandlers.Replace(h => h is ProseSectionHandler, h => ((ProseSectionHandler)h).WithEnglishHeadings());
        return this;
    }

    /// <summary>Freezes the configuration into a thread-safe parser.</summary>
    /// <param name="services">Where handlers added by type get their constructor arguments; <see langword="null"/> allows only parameterless constructors.</param>
    /// <returns>The parser.</returns>
    /// <exception cref="InvalidOperationException">A handler added by type cannot be created from <paramref name="services"/>.</exception>
    public EsfProjectParser Build(IServiceProvider? services = null)
    {
        services ??= EmptyServices.Instance;
        var handlers = SectionHandlers.Select(e => e.Create(services)).ToList();
        return new EsfProjectParser(Options, handlers, [.. HeaderFieldHandlers]);
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
