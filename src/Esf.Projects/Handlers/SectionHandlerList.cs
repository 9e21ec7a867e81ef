using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Esf.Projects.Handlers;

/// <summary>
/// The ordered, mutable list of section handlers inside a <see cref="ProjectParserBuilder"/> (modelled on Markdig's
/// <c>OrderedList</c>): add, insert before or after a handler type, replace or remove by type. Order matters only
/// for the order in which results are attached; every matching handler runs.
/// </summary>
/// <remarks>
/// An entry is either an instance or a handler type to be created when the parser is built — from the
/// <see cref="IServiceProvider"/> given to <see cref="ProjectParserBuilder.Build(IServiceProvider?)"/>, so a
/// handler's constructor dependencies come from dependency injection. Type operations (<c>Find&lt;T&gt;</c>,
/// <c>Replace&lt;T&gt;</c> …) match the exact type of either kind of entry.
/// </remarks>
public sealed class SectionHandlerList : IEnumerable<SectionHandlerList.Entry>
{
    private readonly List<Entry> _entries = [];

    /// <summary>One handler, or the type of one not yet created.</summary>
    public sealed class Entry
    {
        private readonly Func<IServiceProvider, SectionHandler>? _factory;

        internal Entry(Type type, SectionHandler? instance, Func<IServiceProvider, SectionHandler>? factory)
        {
            Type = type;
            Instance = instance;
            _factory = factory;
        }

        /// <summary>The handler's type.</summary>
        public Type Type { get; }

        /// <summary>The handler, or <see langword="null"/> when it is created at build time.</summary>
        public SectionHandler? Instance { get; }

        internal SectionHandler Create(IServiceProvider services) => Instance ?? _factory!(services);
    }

    /// <summary>The number of entries.</summary>
    public int Count => _entries.Count;

    /// <summary>Appends a handler.</summary>
    /// <param name="handler">The handler.</param>
    public void Add(SectionHandler handler) => _entries.Add(Of(handler));

    /// <summary>Appends a handler type, created when the parser is built (constructor arguments from the service provider).</summary>
    /// <typeparam name="THandler">The handler type.</typeparam>
    public void Add<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>()
        where THandler : SectionHandler =>
        _entries.Add(new Entry(typeof(THandler), null, static services => Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<THandler>(services)));

    /// <summary>Inserts a handler at an index.</summary>
    /// <param name="index">0 puts it first.</param>
    /// <param name="handler">The handler.</param>
    public void Insert(int index, SectionHandler handler) => _entries.Insert(index, Of(handler));

    /// <summary>Inserts a handler before the first entry of type <typeparamref name="TExisting"/>.</summary>
    /// <typeparam name="TExisting">The type to insert before.</typeparam>
    /// <param name="handler">The handler.</param>
    /// <returns>Whether <typeparamref name="TExisting"/> was found (otherwise nothing is inserted).</returns>
    public bool InsertBefore<TExisting>(SectionHandler handler)
        where TExisting : SectionHandler
    {
        var index = IndexOf<TExisting>();
        if (index >= 0)
        {
            _entries.Insert(index, Of(handler));
        }

        return index >= 0;
    }

    /// <summary>Inserts a handler after the last entry of type <typeparamref name="TExisting"/>.</summary>
    /// <typeparam name="TExisting">The type to insert after.</typeparam>
    /// <param name="handler">The handler.</param>
    /// <returns>Whether <typeparamref name="TExisting"/> was found (otherwise nothing is inserted).</returns>
    public bool InsertAfter<TExisting>(SectionHandler handler)
        where TExisting : SectionHandler
    {
        var index = _entries.FindLastIndex(e => e.Type == typeof(TExisting));
        if (index >= 0)
        {
            _entries.Insert(index + 1, Of(handler));
        }

        return index >= 0;
    }

    /// <summary>Replaces the first entry of type <typeparamref name="TExisting"/> (there are three <see cref="Lists.ListSectionHandler"/>s: use the predicate overload for those).</summary>
    /// <typeparam name="TExisting">The type to replace.</typeparam>
    /// <param name="replacement">The new handler, in its place.</param>
    /// <returns>Whether <typeparamref name="TExisting"/> was found (otherwise nothing changes).</returns>
    public bool Replace<TExisting>(SectionHandler replacement)
        where TExisting : SectionHandler
    {
        var index = IndexOf<TExisting>();
        if (index < 0)
        {
            return false;
        }

        _entries[index] = Of(replacement);
        return true;
    }

    /// <summary>Replaces the entries whose handler matches <paramref name="predicate"/>, each by what <paramref name="replace"/> returns for it.</summary>
    /// <param name="predicate">Which handlers (only created ones are seen).</param>
    /// <param name="replace">The replacement for one handler.</param>
    /// <returns>How many were replaced.</returns>
    public int Replace(Func<SectionHandler, bool> predicate, Func<SectionHandler, SectionHandler> replace)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        ArgumentNullException.ThrowIfNull(replace);
        var count = 0;
        for (var i = 0; i < _entries.Count; i++)
        {
            if (_entries[i].Instance is { } handler && predicate(handler))
            {
                _entries[i] = Of(replace(handler));
                count++;
            }
        }

        return count;
    }

    /// <summary>Removes every entry of type <typeparamref name="THandler"/>.</summary>
    /// <typeparam name="THandler">The type to remove.</typeparam>
    /// <returns>How many were removed.</returns>
    public int Remove<THandler>()
        where THandler : SectionHandler => _entries.RemoveAll(e => e.Type == typeof(THandler));

    /// <summary>Removes every entry.</summary>
    public void Clear() => _entries.Clear();

    /// <summary>Whether an entry of type <typeparamref name="THandler"/> is present.</summary>
    /// <typeparam name="THandler">The type.</typeparam>
    /// <returns>Whether it is.</returns>
    public bool Contains<THandler>()
        where THandler : SectionHandler => IndexOf<THandler>() >= 0;

    /// <summary>The first created handler of type <typeparamref name="THandler"/>.</summary>
    /// <typeparam name="THandler">The type.</typeparam>
    /// <returns>The handler, or <see langword="null"/>.</returns>
    public THandler? Find<THandler>()
        where THandler : SectionHandler => _entries.Select(e => e.Instance).OfType<THandler>().FirstOrDefault();

    /// <inheritdoc />
    public IEnumerator<Entry> GetEnumerator() => _entries.GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf<THandler>() => _entries.FindIndex(e => e.Type == typeof(THandler));

    private static Entry Of(SectionHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new Entry(handler.GetType(), handler, null);
    }
}
