using Esf.Projects.CustomHandler;

namespace Esf.Projects.Tests.Extensibility;

/// <summary>The CustomHandler sample's handler on the seeds: real results, not just "it runs".</summary>
public class SampleHandlerTests
{
    [Fact]
    public void Targets_of_seed_001_are_read_with_percent_who_and_outcome()
    {
        var parser = new ProjectParserBuilder().AddSectionHandler(new TargetsHandler()).Build();

        var targets = parser.Parse(Seeds.Bytes("001_0b550c35baa0836e.txt")).Project.GetSectionData<Targets>();

        Assert.NotNull(targets);
        Assert.Equal<Target>(
            [
                new(30m, "deltagarna", "gå vidare till anställning eller studier"),
                new(90m, "deltagarna", "uppleva en ökad livskvalitet"),
                new(70m, "deltagarna", "upplever att de fått fler sociala kontakter och ökat sitt nätverk"),
            ],
            targets.Items);
    }

    [Theory]
    [MemberData(nameof(Seeds.All), MemberType = typeof(Seeds))]
    public void The_handler_adds_no_diagnostics_to_the_seeds(string seed)
    {
        var plain = ProjectParser.Parse(Seeds.Bytes(seed)).Diagnostics;
        var withHandler = new ProjectParserBuilder().AddSectionHandler(new TargetsHandler()).Build().Parse(Seeds.Bytes(seed)).Diagnostics;

        Assert.Equal(plain, withHandler);
    }
}
