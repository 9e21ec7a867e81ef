using System.Globalization;
using Esf.Projects.Fields;

namespace Esf.Projects.Cli.Fetch;

/// <summary>
/// The project numbers an <c>esf fetch</c> asks for: numbers as the project bank writes them (validated by
/// <see cref="EsfProjectNumber"/>), ranges of one form, and the file name each page gets.
/// </summary>
internal static class ProjectNumbers
{
    /// <summary>
    /// The numbers of a range <c>FROM..TO</c> in order. <c>2015/00001..2015/01200</c> walks the serial numbers of one
    /// year, keeping the first number's width; <c>22-001-S01..22-060-S12</c> walks the middle numbers and, for each,
    /// the last ones, both between the two ends. The ends must be of one form and agree in the parts that do not
    /// vary (the year; the first number and the letter).
    /// </summary>
    /// <returns>The numbers, or <see langword="null"/> with <paramref name="error"/> saying why the range is not one.</returns>
    public static IReadOnlyList<string>? Range(string range, out string? error)
    {
        error = null;
        var dots = range.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0 || !EsfProjectNumber.TryParse(range.AsSpan(0, dots), out var from) || !EsfProjectNumber.TryParse(range.AsSpan(dots + 2), out var to))
        {
            error = $"--range '{range}' is not FROM..TO with two project numbers (2015/00001..2015/01200, 22-001-S01..22-060-S12).";
            return null;
        }

        if (from.Form != to.Form)
        {
            error = $"--range '{range}': both ends must have the same form.";
            return null;
        }

        var a = Parts(from.ToString());
        var b = Parts(to.ToString());
        var numbers = new List<string>();
        if (from.Form == ProjectNumberForm.YearSerial)
        {
            // 2015/00001: year, serial.
            if (a[0] != b[0] || Number(a[1]) > Number(b[1]))
            {
                error = $"--range '{range}': the year must be the same at both ends, and the first serial number not after the last.";
                return null;
            }

            for (var serial = Number(a[1]); serial <= Number(b[1]); serial++)
            {
                numbers.Add(a[0] + "/" + serial.ToString(CultureInfo.InvariantCulture).PadLeft(a[1].Length, '0'));
            }

            return numbers;
        }

        // 22-044-S07: first number, middle number, letter and last number.
        if (a[0] != b[0] || a[2][0] != b[2][0] || Number(a[1]) > Number(b[1]) || Number(a[2][1..]) > Number(b[2][1..]))
        {
            error = $"--range '{range}': the first number and the letter must be the same at both ends, and each other number not after its end.";
            return null;
        }

        for (var middle = Number(a[1]); middle <= Number(b[1]); middle++)
        {
            for (var last = Number(a[2][1..]); last <= Number(b[2][1..]); last++)
            {
                numbers.Add(string.Create(CultureInfo.InvariantCulture, $"{a[0]}-{middle.ToString(CultureInfo.InvariantCulture).PadLeft(a[1].Length, '0')}-{a[2][0]}{last.ToString(CultureInfo.InvariantCulture).PadLeft(a[2].Length - 1, '0')}"));
            }
        }

        return numbers;
    }

    /// <summary>
    /// A number from the command line or a file of numbers: a project number, or the address of a project page whose
    /// <c>dnr</c> query parameter is one (<c>…/projekt/?dnr=2019/00446</c>, escaped or not); <see langword="null"/> when it is neither.
    /// </summary>
    public static string? Read(string text)
    {
        var trimmed = text.Trim();
        if (EsfProjectNumber.TryParse(trimmed, out var number))
        {
            return number.ToString();
        }

        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var address) && address.Scheme is "http" or "https")
        {
            foreach (var pair in address.Query.TrimStart('?').Split('&'))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0 && pair[..equals].Equals("dnr", StringComparison.OrdinalIgnoreCase)
                    && EsfProjectNumber.TryParse(Uri.UnescapeDataString(pair[(equals + 1)..]), out var fromAddress))
                {
                    return fromAddress.ToString();
                }
            }
        }

        return null;
    }

    /// <summary>The page's file name in the folder: the number with <c>/</c> as <c>-</c> (<c>2019-00446.html</c>), which is a valid name on Windows, macOS and Linux.</summary>
    public static string FileName(string number) => number.Replace('/', '-') + ".html";

    /// <summary>The page's address: the template with <c>{number}</c> replaced by the number escaped as a query value (<c>2019/00446</c> stays as the site writes it: <c>/</c> is allowed in a query).</summary>
    public static Uri Address(string template, string number) =>
        new(template.Replace("{number}", Uri.EscapeDataString(number).Replace("%2F", "/", StringComparison.Ordinal), StringComparison.Ordinal));

    private static string[] Parts(string number) => number.Split('/', '-');

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
}
