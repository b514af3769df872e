using Casualties.Domain.Extraction;
using Casualties.Domain.Model;
using Casualties.Domain.Reference;

namespace Casualties.Domain.Tests.Extraction;

/// <summary>
/// Perpetrator sides from indirect cues (issue 16): the means of attack as data, the speaker as the doer, a side's own dead,
/// and no side from a conflict the document is not about. Each rule on phrasings written for it.
/// </summary>
[Property("Issue", "16")]
public sealed class SideRuleTests
{
    private static IReadOnlyList<Claim> Extract(string text, DateOnly date) => new ClaimExtractor(TestData.Reference).Extract(text, date);

    private static Claim Only(string text, DateOnly date)
    {
        var claims = Extract(text, date);
        Assert.That(claims, Has.Count.EqualTo(1), () => "claims read: " + string.Join("; ", claims.Select(c => c.Quote)));
        return claims[0];
    }

    private static readonly DateOnly In2024 = new(2024, 5, 15);

    // Cues as data: a means only one side of the document's conflict uses, with no perpetrator named.
    [TestCase("Air strikes on a livestock market in El Fasher killed 14 people on Sunday, activists said.", "saf")]
    [TestCase("Warplanes bombed the central market of Nyala on Sunday, killing 23 civilians, local volunteers said.", "saf")]
    [TestCase("A drone strike on a tent camp in Deir al-Balah killed six people on Sunday, medics said.", "israel")]
    [TestCase("Naval fire hit fishermen off the coast of Khan Younis on Sunday, killing three men, the civil defence said.", "israel")]
    [TestCase("A missile strike on an apartment block in Dnipro killed nine people on Sunday, the regional governor said.", "russia")]
    [TestCase("A drone attack on a bus station in Belgorod killed two people on Sunday, the regional governor said.", "ukraine")]
    public void A_means_of_attack_only_one_side_uses_names_that_side(string text, string side)
    {
        var claim = Only(text, In2024);

        Assert.That(claim.PerpetratorSide, Is.EqualTo(side));
        Assert.That(claim.Perpetrator, Is.Null, "a cue gives a side, not an actor's name");
    }

    [TestCase("Air strikes on a market in Maarat al-Numan in Idlib province killed 12 people on Tuesday, rescuers said.", 2019)]
    [TestCase("An air strike on a wedding party in Marib killed five people on Tuesday, tribal sources said.", 2013)]
    [TestCase("Twelve people were killed in clashes and air strikes around El Fasher on Tuesday, activists said.", 2024)]
    [TestCase("A drone strike near Kupiansk killed two people on Tuesday, the regional governor said.", 2024)]
    public void A_means_several_sides_use_or_a_year_or_country_outside_the_cue_gives_no_side(string text, int year)
    {
        var claim = Only(text, new DateOnly(year, 5, 15));

        Assert.That(claim.PerpetratorSide, Is.Null);
    }

    [TestCase("Russian warplanes have pounded Idlib province for weeks. On Tuesday, air strikes on a market in Maarat al-Numan killed 12 people, rescuers said.", 2019, "government")]
    [TestCase("Israeli jets struck the port of Hodeidah on Saturday. Air strikes on the power station there killed six workers, Houthi media said.", 2024, "israel")]
    [TestCase("The government, whose helicopters have dropped explosives on Daraya for a month, denies targeting civilians. Helicopters bombed a bakery in Daraya on Tuesday, killing nine people, activists said.", 2013, "government")]
    public void Who_the_text_says_uses_a_means_beats_the_data(string text, int year, string side)
    {
        var claims = Extract(text, new DateOnly(year, 5, 15));

        Assert.That(claims, Has.Count.EqualTo(1));
        Assert.That(claims[0].PerpetratorSide, Is.EqualTo(side));
    }

    [Test]
    public void Side_cues_are_reference_data_the_extractor_is_handed()
    {
        var seeds = TestData.Reference;
        var syria = seeds.Conflicts.Single(c => c.Key == "syria");
        var withoutCues = new ReferenceData(seeds.Conflicts, seeds.Sources, seeds.Actors, seeds.Places, seeds.Lexicon, seeds.VictimTerms);
        var onlyGovernmentFlies = new ReferenceData(seeds.Conflicts, seeds.Sources, seeds.Actors, seeds.Places, seeds.Lexicon, seeds.VictimTerms,
            [new SideCue(syria.Key, "government", "aircraft", ["air strikes"], null, null, null)]);
        const string Text = "Air strikes on a market in Maarat al-Numan in Idlib province killed 12 people on Tuesday, rescuers said.";
        var date = new DateOnly(2019, 5, 15);

        Assert.That(new ClaimExtractor(withoutCues).Extract(Text, date).Single().PerpetratorSide, Is.Null);
        Assert.That(new ClaimExtractor(onlyGovernmentFlies).Extract(Text, date).Single().PerpetratorSide, Is.EqualTo("government"));
    }

    // The speaker as the doer.
    [TestCase("The Sudanese army said it had killed 60 RSF fighters in Omdurman on Monday.", "saf")]
    [TestCase("\"Our fighters killed nine Israeli soldiers in Rafah,\" Hamas said in a statement on Monday.", "hamas")]
    [TestCase("Hezbollah said its fighters had killed three Israeli soldiers near Bint Jbeil on Monday.", "hezbollah")]
    [TestCase("The Houthis claimed to have killed 20 government troops in Marib on Monday.", "houthi")]
    [TestCase("Ukraine's military said on Monday that it had killed 150 Russian soldiers near Avdiivka.", "ukraine")]
    [TestCase("Saudi-led air raids hit Houthi positions in Marib on Monday, while the Houthis said they had killed 30 government troops near Sirwah.", "houthi")]
    public void The_speaker_who_reports_a_killing_as_its_own_deed_is_the_perpetrator(string text, string side)
    {
        var claim = Only(text, In2024);

        Assert.That(claim.PerpetratorSide, Is.EqualTo(side));
    }

    // A side's own dead.
    [TestCase("The Israeli army said three soldiers were killed in southern Gaza on Tuesday.")]
    [TestCase("The RSF said 15 of its fighters had died in the battle for the airport in El Fasher on Tuesday.")]
    [TestCase("Israeli troops raided Jenin on Monday. The Israeli military said two of its soldiers were wounded in the West Bank on Tuesday.")]
    [TestCase("The Syrian army said seven soldiers were killed in an attack on a checkpoint near Hama on Tuesday.")]
    [TestCase("Sudan's army said 11 soldiers were killed in fighting near Omdurman on Tuesday, bringing the army's death toll this month to 40.")]
    public void A_side_reporting_its_own_dead_is_not_their_killer_and_the_enemy_is_not_guessed(string text)
    {
        var claims = Extract(text, In2024);

        Assert.That(claims, Is.Not.Empty);
        Assert.That(claims.Select(c => c.PerpetratorSide), Is.All.Null);
    }

    [TestCase("The Sudanese army said eight of its soldiers were killed when the RSF attacked a base in El Obeid on Tuesday.", "rsf")]
    [TestCase("Ukraine's General Staff said four soldiers were killed in an ambush near Kupiansk on Tuesday.", "russia")]
    [TestCase("The Israeli army said two soldiers were killed in an attack on a post near Nablus on Tuesday.", "hamas")]
    [TestCase("Russian forces lost 120 servicemen killed in a Ukrainian drone attack near Bakhmut on Tuesday, the Ukrainian military said.", "ukraine")]
    public void A_side_reporting_its_own_dead_in_an_attack_names_the_attacker_the_text_or_a_two_sided_war_gives(string text, string side)
    {
        var claim = Only(text, In2024);

        Assert.That(claim.PerpetratorSide, Is.EqualTo(side));
    }

    // The state's own forces, named by its nationality, are this conflict's government side (domain.md), never the side
    // the reference data gives Pakistan in the war in Afghanistan.
    [TestCase("Pakistani troops killed 12 militants in a raid near Peshawar on Tuesday, the army said.")]
    public void A_document_about_no_seeded_conflict_gives_its_own_state_s_forces_the_government_side(string text) =>
        Assert.That(Extract(text, In2024).Select(c => c.PerpetratorSide), Is.EqualTo(new[] { "government" }));

    // Unknown beats wrong.
    [TestCase("Militants killed seven passengers on a highway near Quetta on Tuesday, a Pakistani official said.")]
    public void A_document_about_no_seeded_conflict_takes_no_side_from_another_war(string text)
    {
        var claims = Extract(text, In2024);

        Assert.That(claims, Is.Not.Empty);
        Assert.That(claims.Select(c => c.PerpetratorSide), Is.All.Null);
    }

    [TestCase("DAMASCUS (Wire) - Four civilians were killed in Idlib on Sunday by a rocket fired by armed groups, the Syrian health ministry said.")]
    [TestCase("DAMASCUS (Wire) - Armed groups shelled a school in Aleppo, killing six children, the Syrian health ministry said.")]
    public void A_loose_word_of_another_war_gives_no_actor_or_side_here(string text)
    {
        var claim = Only(text, In2024);
        var actor = claim.Perpetrator is { } name ? TestData.Reference.Actors.FirstOrDefault(a => a.Name == name) : null;
        Assert.That(actor?.Conflict ?? "syria", Is.EqualTo("syria"), $"perpetrator {claim.Perpetrator} of {actor?.Conflict}");
    }

    [TestCase("BEIRUT (Wire) - The death toll from the government offensive in Hama province has risen to 80 civilians, the monitor said.")]
    [TestCase("BEIRUT (Wire) - The toll of the regime's bombardment of Aleppo has climbed to 45, rescuers said.")]
    [TestCase("BEIRUT (Wire) - The death toll from the Syrian army's shelling of Idlib has risen to 12, the monitor said.")]
    public void The_toll_of_an_actors_attack_is_that_actors(string text) =>
        Assert.That(Only(text, In2024).PerpetratorSide, Is.EqualTo("government"));
}
