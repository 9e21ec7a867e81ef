using System.Reflection;
using System.Runtime.CompilerServices;

namespace Esf.Projects.Tests.Api;

/// <summary>
/// What the packages hand out cannot change under a caller: every public type is immutable — no setter a caller can
/// reach and no field written after construction — except the few that are mutable by design (a builder) or are
/// settings a caller composes with <c>with</c> (their <c>init</c> accessors copy, they never change a value in place).
/// </summary>
public class MutabilityTests
{
    /// <summary>Builders: mutable by design, turned into immutable objects by their <c>Build</c> (a layout's frame, by the parser).</summary>
    private static readonly Type[] Mutable = [typeof(ProjectParserBuilder), typeof(Esf.Projects.Layouts.LayoutFrame)];

    /// <summary>Settings a caller composes with <c>with</c> or object initialisers; nothing the parser returns.</summary>
    private static readonly Type[] Settings =
    [
        typeof(ProjectParserOptions), typeof(Vocabulary), typeof(Term), typeof(Phrase<>), typeof(HeaderLabel),
        typeof(CorpusOptions), typeof(Esf.Projects.Fields.SwedishAmountFormat), typeof(Esf.Projects.Layouts.LayoutMarks),
    ];

    /// <summary>
    /// Fields written after the constructor, each for a reason that keeps the object immutable as seen from outside:
    /// a text made into a string on first read (the same string every time) and a section's handler results, attached
    /// by the parser before the section is published.
    /// </summary>
    private static readonly string[] WrittenOnce = ["Esf.Projects.Section._data"];

    public static TheoryData<string> Types()
    {
        var data = new TheoryData<string>();
        foreach (var type in PublicTypes())
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    private static IEnumerable<Type> PublicTypes() =>
        new[] { typeof(ProjectParser).Assembly, typeof(Esf.Projects.Html.EsfHtml).Assembly }
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => (t.IsClass || (t.IsValueType && !t.IsEnum)) && !t.IsSubclassOf(typeof(Delegate)) && !t.IsSubclassOf(typeof(Exception)) && !Mutable.Contains(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Types))]
    public void A_public_type_has_no_setter_a_caller_can_reach(string name)
    {
        var type = PublicTypes().Single(t => t.FullName == name);
        var settings = Settings.Contains(type.IsGenericType ? type.GetGenericTypeDefinition() : type);

        var setters = type.GetProperties(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public)
            .Where(p => p.SetMethod is { IsPublic: true } or { IsFamily: true } or { IsFamilyOrAssembly: true })
            .Where(p => !settings || !IsInitOnly(p.SetMethod!))
            .Select(p => p.Name + (IsInitOnly(p.SetMethod!) ? " { init; }" : " { set; }"));

        Assert.Empty(setters);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void A_public_type_writes_no_field_after_construction(string name)
    {
        var type = PublicTypes().Single(t => t.FullName == name);
        var writable = new List<string>();
        for (var t = type; t is not null && t.Assembly == type.Assembly; t = t.BaseType)
        {
            writable.AddRange(t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(f => !f.IsInitOnly && !f.IsLiteral)
                .Where(f => f.FieldType.Name != "LazyText")
                .Select(f => t.FullName + "." + f.Name)
                .Where(f => !WrittenOnce.Contains(f)));
        }

        Assert.Empty(writable);
    }

    /// <summary>The reflection above sees every kind of type the packages export, so a new one is checked too.</summary>
    [Fact]
    public void The_check_sees_the_model_and_the_settings()
    {
        var names = PublicTypes().Select(t => t.Name).ToHashSet();
        Assert.Contains(nameof(EsfProject), names);
        Assert.Contains(nameof(Contact), names);
        Assert.Contains(nameof(Section), names);
        Assert.Contains(nameof(SourcePosition), names);
        Assert.Contains(nameof(ProjectParserOptions), names);
        Assert.True(names.Count > 60, names.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
}
