using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Esf.Projects.Json;
using Esf.Projects.Tests.Cli;

namespace Esf.Projects.Tests.JsonContract;

/// <summary><see cref="JsonSerializer"/> with <see cref="EsfJson.Options"/> writes and reads the same contract as the library and the command line.</summary>
public class SerializerInteropTests
{
    [Theory]
    [MemberData(nameof(Seeds.All), MemberType = typeof(Seeds))]
    public void JsonSerializer_writes_the_contract_and_reads_it_back(string seed)
    {
        var result = Seeds.Parse(seed);

        var json = JsonSerializer.Serialize(result, EsfJson.Options);
        var back = JsonSerializer.Deserialize<ProjectParseResult>(json, EsfJson.Options)!;

        Assert.Equal(EsfJson.Serialize(result), json);
        Assert.Equal(result.Project, back.Project);
        Assert.Equal(result.Diagnostics.ToArray(), back.Diagnostics.ToArray());
        Assert.Equal(result.Project, JsonSerializer.Deserialize<EsfProject>(JsonSerializer.Serialize(result.Project, EsfJson.Options), EsfJson.Options));
    }

    /// <summary>docs/model.md tells users to copy the read-only options to change them: the copy keeps the contract.</summary>
    [Fact]
    public void A_copy_of_the_options_with_indentation_off_writes_one_line_of_the_same_contract()
    {
        var result = Seeds.Parse(Seeds.Names.First());
        var compact = new JsonSerializerOptions(EsfJson.Options) { WriteIndented = false };

        var json = JsonSerializer.Serialize(result, compact);

        Assert.Equal(EsfJson.Serialize(result, indented: false), json);
        Assert.Equal(result, JsonSerializer.Deserialize<ProjectParseResult>(json, compact));
    }

    [Fact]
    public void A_serialized_array_is_the_command_line_array_without_the_sources()
    {
        var results = Seeds.Names.Select(Seeds.Parse).ToArray();

        var json = JsonSerializer.Serialize(results, EsfJson.Options) + "\n";
        var (_, stdout, _) = CliRunner.Run(null, "parse", Seeds.Folder);

        Assert.Equal(Regex.Replace(stdout, "\"source\": \"[^\"]*\"", "\"source\": null"), json);
        Assert.Equal(results.Select(r => r.Project), JsonSerializer.Deserialize<List<ProjectParseResult>>(json, EsfJson.Options)!.Select(r => r.Project));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("jsonl")]
    public void ReadAll_reads_the_command_lines_array_and_lines(string format)
    {
        var (_, stdout, _) = CliRunner.Run(null, "parse", "--format", format, Seeds.Folder);

        var read = EsfJson.ReadAll(new MemoryStream(Encoding.UTF8.GetBytes(stdout))).ToList();

        Assert.Equal(Seeds.Names.Select(n => Path.Join(Seeds.Folder, n)), read.Select(r => r.Source));
        Assert.Equal(Seeds.Names.Select(n => Seeds.Parse(n).Project), read.Select(r => r.Result.Project));
    }
}
