using System.Text;

namespace Esf.Projects.Tests.Html;

/// <summary>
/// HTML page shapes that once cost the square of their size — many siblings, deep nesting — each made from one unit
/// repeated <c>n</c> times. Shared by <c>HtmlHostileTests</c> (counted work at two sizes) and the HTML benchmark
/// (time and memory), so both measure the same inputs.
/// </summary>
internal static class HtmlShapes
{
    public static readonly Dictionary<string, Func<int, string>> Makers = new()
    {
        ["sibling br"] = n => "<html><body><p>Titel</p>" + Repeat("a<br>", n) + "</body></html>",
        ["sibling li"] = n => "<html><body><ul>" + Repeat("<li>a</li>", n) + "</ul></body></html>",
        ["sibling p"] = n => "<html><body>" + Repeat("<p>a</p>", n) + "</body></html>",
        ["sibling cells"] = n => "<html><body><table><tr>" + Repeat("<td>a</td>", n) + "</tr></table></body></html>",
        ["nested tables"] = n => "<html><body>" + Repeat("<table><tr><td>", n) + "x</body></html>",
        ["nested inline"] = n => "<html><body>" + Repeat("<span>", n) + "x</body></html>",
        ["nested formatting"] = n => "<html><body>" + Repeat("<b>", n) + "x</body></html>",
        ["nested blocks"] = n => "<html><body>" + Repeat("<div>", n) + "x</body></html>",
    };

    public static string Repeat(string unit, int n) => new StringBuilder(unit.Length * n).Insert(0, unit, n).ToString();
}
