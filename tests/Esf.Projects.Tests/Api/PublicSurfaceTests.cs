using System.Text.RegularExpressions;

namespace Esf.Projects.Tests.Api;

/// <summary>docs/api.md names every public type of both packages with its use, and names nothing else as a type.</summary>
public partial class PublicSurfaceTests
{
    private static readonly Lazy<string> Page = new(() => File.ReadAllText(Path.Combine(Seeds.RepositoryRoot, "docs", "api.md")));

    /// <summary>A public type as the page writes it: <c>SectionHandlerList.Entry</c>, <c>Phrase&lt;TMeaning&gt;</c>.</summary>
    private static string Written(Type type)
    {
        var name = type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + "<" + string.Join(", ", type.GetGenericArguments().Select(a => a.Name)) + ">" : type.Name;
        return type.DeclaringType is { } outer ? Written(outer) + "." + name : name;
    }

    private static IEnumerable<Type> PublicTypes() =>
        new[] { typeof(ProjectParser).Assembly, typeof(Esf.Projects.Html.EsfHtml).Assembly }.SelectMany(a => a.GetExportedTypes());

    [Fact]
    public void Every_public_type_is_on_the_page()
    {
        var missing = PublicTypes().Select(Written).Where(name => !Page.Value.Contains("`" + name + "`", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, "docs/api.md does not name: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_type_the_tables_name_is_a_public_type()
    {
        var types = PublicTypes().Select(Written).ToHashSet(StringComparer.Ordinal);
        var named = Page.Value.Split('\n')
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .SelectMany(line => Names().Matches(line.Split(" | ")[0]).Select(m => m.Groups[1].Value))
            .ToList();

        Assert.NotEmpty(named);
        var unknown = named.Where(name => !types.Contains(name)).ToList();
        Assert.True(unknown.Count == 0, "docs/api.md names types that are not public: " + string.Join(", ", unknown));
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Names();
}
