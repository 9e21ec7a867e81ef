using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Esf.Projects.Json;

namespace Esf.Projects.Tests.Cli;

/// <summary>The JSON the command line writes, each page serialised on its worker, is byte for byte what one writer over the whole output makes.</summary>
public class JsonOutputTests
{
    private static List<(string Source, ProjectParseResult Result)> SeedResults() =>
        [.. Seeds.Names.Select(n => (Path.Join(Seeds.Folder, n), Seeds.Parse(n)))];

    [Fact]
    public void The_json_array_is_what_one_indented_writer_makes()
    {
        using var expected = new MemoryStream();
        using (var writer = new Utf8JsonWriter(expected, EsfJson.GetWriterOptions(indented: true)))
        {
            writer.WriteStartArray();
            foreach (var (source, result) in SeedResults())
            {
                EsfJson.Write(writer, result, source);
            }

            writer.WriteEndArray();
        }

        expected.WriteByte((byte)'\n');

        var (exit, stdout, _) = CliRunner.Run(null, "parse", Seeds.Folder);

        Assert.Equal(0, exit);
        Assert.Equal(Encoding.UTF8.GetString(expected.ToArray()), stdout);
    }

    [Fact]
    public void No_inputs_give_an_empty_array()
    {
        var empty = Directory.CreateTempSubdirectory("esf-empty-").FullName;
        try
        {
            var (exit, stdout, _) = CliRunner.Run(null, "parse", empty);

            Assert.Equal(0, exit);
            Assert.Equal("[]\n", stdout);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [Fact]
    public void Json_lines_are_the_compact_serialisation_of_each_page()
    {
        var expected = string.Concat(SeedResults().Select(p => EsfJson.Serialize(p.Result, p.Source, indented: false) + "\n"));

        var (_, stdout, _) = CliRunner.Run(null, "parse", "--format", "jsonl", Seeds.Folder);

        Assert.Equal(expected, stdout);
    }

    [Theory]
    [InlineData("sections", true, false)]
    [InlineData("blocks", false, true)]
    [InlineData("both", true, true)]
    public void Json_text_leaves_out_one_copy_of_the_section_text(string mode, bool text, bool blocks)
    {
        var (exit, stdout, _) = CliRunner.Run(null, "parse", "--format", "jsonl", "--json-text", mode, Seeds.Folder);
        var (_, full, _) = CliRunner.Run(null, "parse", "--format", "jsonl", Seeds.Folder);

        Assert.Equal(0, exit);
        var sections = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).SelectMany(l => JsonNode.Parse(l)!["project"]!["sections"]!.AsArray()).ToList();
        Assert.NotEmpty(sections);
        Assert.All(sections, s => Assert.Equal(text, s!.AsObject().ContainsKey("text")));
        Assert.All(sections, s => Assert.Equal(blocks, s!.AsObject().ContainsKey("blocks")));
        if (mode != "both")
        {
            Assert.True(stdout.Length < full.Length * 0.8, $"{stdout.Length} against {full.Length}");
        }
    }

    [Fact]
    public void A_compact_page_reads_back_with_the_left_out_part_empty()
    {
        var result = Seeds.Parse("000_196cdacd7e4f6bec.txt");
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            EsfJson.Write(writer, result, "x", JsonSectionText.Sections);
        }

        var (back, _) = EsfJson.Deserialize(Encoding.UTF8.GetString(buffer.WrittenSpan));

        Assert.Equal(result.Project.Sections.Select(s => s.Text), back.Project.Sections.Select(s => s.Text));
        Assert.All(back.Project.Sections, s => Assert.Empty(s.Blocks));
        Assert.Equal(result.Project.Title, back.Project.Title);
    }

    [Fact]
    public void Json_text_with_another_format_is_a_usage_error()
    {
        var (exit, _, stderr) = CliRunner.Run(null, "parse", "--format", "csv", "--json-text", "blocks", Seeds.Folder);

        Assert.Equal(2, exit);
        Assert.Contains("--json-text", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    public void One_job_writes_what_every_core_writes(string format)
    {
        var (_, one, _) = CliRunner.Run(null, "parse", "--format", format, "--jobs", "1", Seeds.Folder);
        var (_, all, _) = CliRunner.Run(null, "parse", "--format", format, Seeds.Folder);

        Assert.Equal(all, one);
    }

    [Fact]
    public void Jobs_out_of_range_is_a_usage_error()
    {
        var (exit, _, stderr) = CliRunner.Run(null, "parse", "--jobs", "0", Seeds.Folder);

        Assert.Equal(2, exit);
        Assert.Contains("--jobs", stderr, StringComparison.Ordinal);
    }
}
