using BenchmarkDotNet.Attributes;
using Esf.Projects.Html;
using Esf.Projects.Tests.Html;

namespace Esf.Projects.Benchmarks;

/// <summary>
/// HTML pages of the shapes that were quadratic (many siblings, deep nesting), parsed whole by
/// <see cref="EsfHtml.Parse(string)"/>: decoding aside, the HTML5 tree builder, the renderer and the text parser.
/// The <c>sibling br</c> row is one million <c>a&lt;br&gt;</c> (5 MB of HTML); every other shape repeats its unit
/// 200 000 times. <see cref="Tree"/> is AngleSharp's own part, with the options the reader uses: the floor under
/// <see cref="Parse"/> that no change to the renderer can go below.
/// </summary>
[MemoryDiagnoser]
public class HtmlBenchmarks
{
    private string _html = string.Empty;
    private string _bounded = string.Empty;

    /// <summary>The shapes of the hostile HTML tests.</summary>
    public static IEnumerable<string> Shapes => HtmlShapes.Makers.Keys;

    /// <summary>The shape measured.</summary>
    [ParamsSource(nameof(Shapes))]
    public string Shape { get; set; } = "sibling br";

    [GlobalSetup]
    public void Setup()
    {
        _html = HtmlShapes.Makers[Shape](Shape == "sibling br" ? 1_000_000 : 200_000);
        _bounded = NestingLimit.Apply(_html, out _, out _); // as the reader hands it to the tree builder
    }

    /// <summary>The page parsed, from its HTML to the project.</summary>
    [Benchmark]
    public ProjectParseResult Parse() => EsfHtml.Parse(_html);

    /// <summary>The HTML5 tree builder alone, on the page with its nesting bounded and keeping source positions, as the reader does.</summary>
    [Benchmark]
    public int Tree()
    {
        using var document = TreeParser.ParseDocument(_bounded);
        return document.All.Length;
    }

    private static readonly AngleSharp.Html.Parser.HtmlParser TreeParser = new(new AngleSharp.Html.Parser.HtmlParserOptions { IsKeepingSourceReferences = true });
}
