using Casualties.Domain.Model;
using Casualties.Domain.Reconciliation;
using Casualties.Postgres.Reconciliation;
using NUnit.Framework;

namespace Casualties.Postgres.Tests.Reconciliation;

/// <summary>
/// Stored rows carry a fingerprint of their content; a run keeps rows whose fingerprint it produces again. The
/// fingerprint is FNV-1a of the row's text, so that databases written by earlier versions are not rewritten: the
/// values below are pinned (computed once from the texts in the comments), so a change of either the text or the
/// hash fails here.
/// </summary>
[Property("Issue", "8")]
public sealed class ResultFingerprintTests
{
    private static SourceFigure Word(long id) => new(id, "SOHR", Qualifier.AtLeast, 341, 341, null, new DateOnly(2016, 12, 7), null, "doc");

    [Test]
    public void An_incidents_fingerprint_is_the_digest_of_its_fields_figures_and_members_as_text()
    {
        var incident = new Incident("killed-12", IncidentKind.Tally, Outcome.Killed, "sy.aleppo.east", PartialDate.Month(2016, 11),
            PartialDate.Day(new DateOnly(2016, 12, 6)), "government",
            [
                new IncidentFigure("people", null, true, 341, 350, 400, true, 341, 400, [Word(12), Word(15)], []),
                new IncidentFigure("children", "opposition", false, -3, 44, 44, false, null, null, [Word(13)], [Word(9)]),
            ],
            [
                new IncidentMember(9, "tally_update", true, "people", null), new IncidentMember(12, "anchor", false, "people", null),
                new IncidentMember(13, "subset_of_parent", false, "children", "opposition"),
            ],
            []) { ContainedIn = "killed-3" };

        // FNV-1a over the UTF-16 code units of "killed-12|sy|tally|killed|sy.aleppo.east|2016-11|2016-12-06|government|killed-3
        // |f:people,,True,341,350,400,True,341,400,2|f:children,opposition,False,-3,44,44,False,,,1
        // |m:9,tally_update,True|m:12,anchor,False|m:13,subset_of_parent,False" (one line)
        Assert.That(ResultFingerprint.Of(incident, "sy"), Is.EqualTo(145901362399137339L));
    }

    [Test]
    public void A_totals_fingerprint_is_the_digest_of_its_fields_as_text()
    {
        var total = new SideTotal(null, Outcome.Injured, "civilians", null, "sy.idlib", PartialDate.Year(2016), PartialDate.Year(2016),
            25, 1_250_000, 30, TotalMethod.SumOfParts, 2) { Period = TotalPeriod.Year };

        // FNV-1a of "sy||injured|civilians||sy.idlib|year|2016|25|1250000|30|sum_of_parts|2"
        Assert.That(ResultFingerprint.Of(total, "sy"), Is.EqualTo(1324900098654832258L));
    }
}
