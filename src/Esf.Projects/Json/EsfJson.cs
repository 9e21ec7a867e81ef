using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Esf.Projects.Json;

/// <summary>
/// Writes parse results as JSON in the documented shape (<c>docs/model.md</c>, <c>docs/esf-project.schema.json</c>):
/// camelCase names, ISO dates, amounts as exact JSON numbers, <see langword="null"/> for absent values and <c>[]</c>
/// for absent lists; and reads it back.
/// </summary>
/// <remarks>
/// Property names are a public contract read by other tools: new properties may be added, none is renamed or
/// dropped. Writing goes straight to a <see cref="Utf8JsonWriter"/> (no intermediate objects, trim- and AOT-safe) and
/// is culture-independent. Non-ASCII letters are written as themselves (Swedish text stays readable), so do not embed
/// the output in HTML unescaped. <see cref="Options"/> gives <see cref="JsonSerializer"/> the same contract.
/// </remarks>
public static class EsfJson
{
    private static readonly JsonWriterOptions IndentedWriter = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions CompactWriter = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Options under which <see cref="JsonSerializer"/> writes and reads <see cref="ProjectParseResult"/> and
    /// <see cref="EsfProject"/> in this library's contract (a result as <c>{ "source": null, "project", "diagnostics" }</c>),
    /// with relaxed escaping and indentation. Read-only; copy it (<c>new JsonSerializerOptions(EsfJson.Options)</c>) to change it.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Serializes one result as a JSON object <c>{ "source", "project", "diagnostics" }</c>.</summary>
    /// <param name="result">The parse result.</param>
    /// <param name="source">The input's name (a path as given, or <c>-</c> for standard input); <see langword="null"/> is written as <c>null</c>.</param>
    /// <param name="indented">Whether to indent; <see langword="false"/> gives one line, as JSON Lines needs.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is <see langword="null"/>.</exception>
    public static string Serialize(ProjectParseResult result, string? source = null, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(result);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, indented ? IndentedWriter : CompactWriter))
        {
            Write(writer, result, source);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The writer options this library's JSON uses (relaxed escaping, optional indentation), for writers of your own: <c>new Utf8JsonWriter(stream, EsfJson.GetWriterOptions(indented: true))</c>, or over a pooled buffer.</summary>
    /// <param name="indented">Whether to indent.</param>
    /// <returns>The options.</returns>
    public static JsonWriterOptions GetWriterOptions(bool indented) => indented ? IndentedWriter : CompactWriter;

    /// <summary>Writes one result as a JSON object at the writer's current position (for example as an array element), with each section's text as <paramref name="sectionText"/> says.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="result">The parse result.</param>
    /// <param name="source">The input's name, or <see langword="null"/>.</param>
    /// <param name="sectionText">
    /// <see cref="JsonSectionText.Both"/> writes the contract's full shape; <see cref="JsonSectionText.Sections"/> and
    /// <see cref="JsonSectionText.Blocks"/> leave out one of the two copies of every section's text, for files about
    /// half the size. <see cref="Deserialize"/> reads the full shape back exactly; a compact one reads back with the
    /// part it left out empty.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="result"/> is <see langword="null"/>.</exception>
    public static void Write(Utf8JsonWriter writer, ProjectParseResult result, string? source = null, JsonSectionText sectionText = JsonSectionText.Both)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.WriteStartObject();
        writer.WriteString(JsonNames.Source, source);
        writer.WritePropertyName(JsonNames.Project);
        ProjectJson.WriteProject(writer, result.Project, sectionText);
        writer.WriteStartArray(JsonNames.Diagnostics);
        foreach (var d in result.Diagnostics)
        {
            writer.WriteStartObject();
            writer.WriteString(JsonNames.Severity, Diagnostic.SeverityText(d.Severity));
            writer.WriteString(JsonNames.Code, d.Code);
            writer.WriteNumber(JsonNames.Line, d.Line);
            writer.WriteNumber(JsonNames.Column, d.Column);
            writer.WriteString(JsonNames.Message, d.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Reads JSON written by <see cref="Serialize"/> (or one line of <c>esf parse --format jsonl</c>) back into a result.</summary>
    /// <param name="json">One page object.</param>
    /// <param name="parser">The parser that wrote it, when it has typed fields of yours: their values are read again from their rows by its definitions (and its vocabulary), so they come back as the parser read them. <see langword="null"/> (the default) reads with <see cref="EsfProjectParser.Default"/>, which knows only the built-in fields.</param>
    /// <returns>The result and the <c>source</c> the JSON names (file path), if any.</returns>
    /// <remarks>
    /// Everything in the JSON contract comes back, and the result equals the one written when read with the parser
    /// that wrote it. What the contract does not carry does not: results of section and header field handlers other
    /// than typed fields (<see cref="Section.Data"/> is empty).
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The text is not a page object of this contract.</exception>
    public static (ProjectParseResult Result, string? Source) Deserialize(string json, EsfProjectParser? parser = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        return Read(document.RootElement, parser?.Configuration);
    }

    /// <summary>Reads every page of a JSON array (as <c>esf parse --format json</c> writes) or of JSON Lines (<c>--format jsonl</c>), one at a time.</summary>
    /// <param name="utf8">The JSON, read to its end (not closed).</param>
    /// <param name="parser">The parser that wrote it, as for <see cref="Deserialize"/>; <see langword="null"/> for <see cref="EsfProjectParser.Default"/>.</param>
    /// <returns>The results in order, with their sources.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">An element is not a page object of this contract.</exception>
    public static IEnumerable<(ProjectParseResult Result, string? Source)> ReadAll(Stream utf8, EsfProjectParser? parser = null)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        return ReadAllCore(utf8, parser?.Configuration);
    }

    private static IEnumerable<(ProjectParseResult Result, string? Source)> ReadAllCore(Stream utf8, Parsing.ParserConfiguration? config)
    {
        using var reader = new StreamReader(utf8, leaveOpen: true);
        var first = (char)reader.Peek();
        while (char.IsWhiteSpace(first) && reader.Peek() >= 0)
        {
            reader.Read();
            first = (char)reader.Peek();
        }

        if (first == '[')
        {
            using var document = JsonDocument.Parse(reader.ReadToEnd());
            foreach (var element in document.RootElement.EnumerateArray())
            {
                yield return Read(element, config);
            }

            yield break;
        }

        while (reader.ReadLine() is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                using var document = JsonDocument.Parse(line);
                yield return Read(document.RootElement, config);
            }
        }
    }

    private static (ProjectParseResult Result, string? Source) Read(JsonElement root, Parsing.ParserConfiguration? config = null)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException(root.ValueKind == JsonValueKind.Null ? "The JSON is null, not a page object." : "The JSON is not a page object.");
        }

        var project = ProjectJson.ReadProject(root.TryGetProperty("project", out var p) ? p : throw new JsonException("The page object has no 'project'."), config);
        var diagnostics = root.TryGetProperty("diagnostics", out var d) && d.ValueKind == JsonValueKind.Array
            ? d.EnumerateArray().Select(x => new Diagnostic(
                ProjectJson.Text(x, "code") ?? throw new JsonException("A diagnostic has no 'code'."),
                ParseSeverity(ProjectJson.Text(x, "severity")),
                ProjectJson.Int(x, "line") ?? 1,
                ProjectJson.Int(x, "column") ?? 1,
                ProjectJson.Text(x, "message") ?? string.Empty)).ToImmutableArray()
            : [];
        return (new ProjectParseResult(project, diagnostics), ProjectJson.Text(root, "source"));
    }

    private static DiagnosticSeverity ParseSeverity(string? text) => text switch
    {
        "error" => DiagnosticSeverity.Error,
        "warning" => DiagnosticSeverity.Warning,
        "info" => DiagnosticSeverity.Info,
        _ => throw new JsonException($"'{text}' is not a severity (error, warning, info)."),
    };

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = EsfJsonContext.Default,
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary><see cref="ProjectParseResult"/> as a page object with a <see langword="null"/> source; the type's own converter, so any <see cref="JsonSerializerOptions"/> write the contract.</summary>
    internal sealed class ResultConverter : JsonConverter<ProjectParseResult>
    {
        public override ProjectParseResult Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return EsfJson.Read(document.RootElement).Result;
        }

        public override void Write(Utf8JsonWriter writer, ProjectParseResult value, JsonSerializerOptions options) => EsfJson.Write(writer, value);
    }

    /// <summary><see cref="EsfProject"/> as the <c>project</c> object of the contract; the type's own converter.</summary>
    internal sealed class ProjectConverter : JsonConverter<EsfProject>
    {
        public override EsfProject Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return ProjectJson.ReadProject(document.RootElement);
        }

        public override void Write(Utf8JsonWriter writer, EsfProject value, JsonSerializerOptions options) => ProjectJson.WriteProject(writer, value);
    }
}

/// <summary>The trim- and AOT-safe metadata of the two types with a contract of their own (their converters do the work).</summary>
[JsonSerializable(typeof(ProjectParseResult))]
[JsonSerializable(typeof(EsfProject))]
[JsonSerializable(typeof(ProjectParseResult[]))]
[JsonSerializable(typeof(List<ProjectParseResult>))]
internal sealed partial class EsfJsonContext : JsonSerializerContext;

/// <summary>Which copy of each section's text the JSON carries: the section's plain <c>text</c>, its <c>blocks</c> (paragraphs, list items…), or both.</summary>
public enum JsonSectionText
{
    /// <summary>Both, as the JSON contract has it: <c>text</c> and <c>blocks</c> on every section (the default).</summary>
    Both,

    /// <summary>Only <c>text</c>: each section's plain text, no <c>blocks</c>.</summary>
    Sections,

    /// <summary>Only <c>blocks</c>: the section's structure with its texts, no <c>text</c> of the whole section.</summary>
    Blocks,
}
