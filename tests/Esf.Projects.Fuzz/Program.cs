using Esf.Projects;
using Esf.Projects.Fields;
using Esf.Projects.Json;
using SharpFuzz;

// One AFL++ input = one page as UTF-8 bytes. A crash is any exception escaping, or a broken invariant
// (Environment.FailFast): every diagnostic position lies inside the text, the JSON round-trips, the field parsers
// agree with themselves on every header value.
Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    var bytes = buffer.ToArray();
    var result = ProjectParser.Parse(bytes);
    var text = System.Text.Encoding.UTF8.GetString(bytes);
    var lines = text.ReplaceLineEndings("\n").Split('\n');
    foreach (var d in result.Diagnostics)
    {
        if (d.Line < 1 || d.Line > lines.Length + 1 || d.Column < 1)
        {
            Environment.FailFast($"diagnostic outside the input: {d}");
        }
    }

    var json = EsfJson.Serialize(result);
    var (back, _) = EsfJson.Deserialize(json);
    if (EsfJson.Serialize(back) != json)
    {
        Environment.FailFast("JSON round trip differs");
    }

    foreach (var field in result.Project.Fields)
    {
        if (field.Value is { } value)
        {
            if (SwedishAmount.TryParse(value, out var money) && !SwedishAmount.TryParse(SwedishAmount.Format(money), out _))
            {
                Environment.FailFast($"amount does not read back: {value}");
            }

            _ = SwedishDateRange.Parse(value);
            _ = SwedishPhoneNumber.Parse(value);
            _ = EmailAddress.Parse(value);
        }
    }
});
