namespace Esf.Projects.Handlers;

/// <summary>
/// Reads the sections whose heading it claims and attaches a typed result to them. Derive from
/// <see cref="SectionHandler{TData}"/>; this non-generic base is what the parser holds.
/// </summary>
/// <remarks>
/// <para>Every handler whose <see cref="Headings"/> match runs, in the parser's handler order, and each result is
/// attached to the section (<see cref="Section.GetData{T}"/>): two handlers claiming one heading do not fight,
/// they both contribute. Replace or remove a handler to stop it from running.</para>
/// <para>Handlers are shared by every parse, on any thread: keep them stateless (or thread-safe). A handler that
/// throws does not stop the parse: the exception becomes diagnostic ESF0303 on the section.</para>
/// </remarks>
public abstract class SectionHandler
{
    /// <summary>Creates a handler for the given headings.</summary>
    /// <param name="headings">The headings claimed.</param>
    protected SectionHandler(HeadingMatcher headings)
    {
        ArgumentNullException.ThrowIfNull(headings);
        Headings = headings;
    }

    /// <summary>The headings this handler claims.</summary>
    public HeadingMatcher Headings { get; }

    /// <summary>The name used in diagnostics: the type name unless overridden.</summary>
    public virtual string Name => GetType().Name;

    /// <summary>Reads a section; called by the parser only for a claimed heading.</summary>
    /// <param name="context">The section, its lines and the diagnostic sink.</param>
    /// <returns>The result to attach, or <see langword="null"/> for none.</returns>
    public abstract object? HandleSection(SectionContext context);
}

/// <summary>A section handler with a typed result, read back with <see cref="Section.GetData{T}"/> or <see cref="EsfProject.GetSectionData{T}"/>.</summary>
/// <typeparam name="TData">The result type; a reference type, ideally an immutable record.</typeparam>
public abstract class SectionHandler<TData> : SectionHandler
    where TData : class
{
    /// <summary>Creates a handler for the given headings.</summary>
    /// <param name="headings">The headings claimed.</param>
    protected SectionHandler(HeadingMatcher headings)
        : base(headings)
    {
    }

    /// <summary>Reads a section into <typeparamref name="TData"/>.</summary>
    /// <param name="context">The section, its lines and the diagnostic sink.</param>
    /// <returns>The result, or <see langword="null"/> when the section holds nothing for this handler.</returns>
    public abstract TData? Handle(SectionContext context);

    /// <inheritdoc />
    public sealed override object? HandleSection(SectionContext context) => Handle(context);
}
