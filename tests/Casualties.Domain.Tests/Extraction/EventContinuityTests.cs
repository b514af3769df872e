using Casualties.Domain.Extraction;
using Casualties.Domain.Model;

namespace Casualties.Domain.Tests.Extraction;

/// <summary>
/// One event told over several sentences: a toll updated later is the event's (its attacker, its start), as are the
/// wounded counted since its day; the town a story was filed from is never an actor; fighters counted in a state's own
/// words fell to the state; places the gazetteer lacks in the contexts wire copy gives them. Phrasings written for the
/// rules, none taken from a corpus.
/// </summary>
[Property("Issue", "16")]
public sealed class EventContinuityTests
{
    private static readonly DateOnly Friday = new(2026, 3, 6);

    private static IReadOnlyList<Claim> Extract(string text) => new ClaimExtractor(TestData.Reference).Extract(text, Friday);

    private static Claim Find(IReadOnlyList<Claim> claims, int low) =>
        claims.FirstOrDefault(c => c.Quantity.Low == low) ?? throw new AssertionException($"no claim of {low}: " + string.Join("; ", claims.Select(c => c.Quote)));

    [TestCase("MOGADISHU - A truck bomb claimed by al-Shabaab struck a livestock market in Beledweyne on Wednesday, killing at least 30 people. The death toll has risen to 45, the governor said on Thursday.",
        45, "al-shabaab", "2026-03-04")]
    [TestCase("MOGADISHU - Al-Shabaab fighters stormed a hotel in Beledweyne on Wednesday, killing 30 people. The toll rose to 41 on Thursday, a hospital director said.",
        41, "al-shabaab", "2026-03-04")]
    [TestCase("KHARTOUM - RSF shelling of a shelter in Omdurman on Monday killed 40 people, the Sudan Doctors Network said. The number of dead has risen to 63, the network said on Wednesday.",
        63, "rsf", "2026-03-02")]
    public void A_later_toll_of_the_event_takes_its_attacker_and_its_day(string text, int low, string side, string start)
    {
        var toll = Find(Extract(text), low);
        Assert.That((toll.PerpetratorSide, toll.Period.Start?.ToString()), Is.EqualTo((side, start)));
    }

    [Test]
    public void A_toll_smaller_than_the_events_own_figure_is_no_update_of_it()
    {
        var claims = Extract("MOGADISHU - Al-Shabaab fighters stormed a hotel in Beledweyne on Wednesday, killing 30 people. The toll stood at 12, the governor said on Thursday.");
        Assert.That(Find(claims, 12).PerpetratorSide, Is.Null);
    }

    [TestCase("MOGADISHU - A truck bomb claimed by al-Shabaab struck a market in Beledweyne on Wednesday, killing at least 30 people. The town's hospital said it had received 58 wounded people since Wednesday.", 58)]
    [TestCase("MOGADISHU - A truck bomb claimed by al-Shabaab struck a market in Beledweyne on Wednesday, killing at least 30 people. The death toll has risen to 45, the governor said on Thursday. More than 70 others were wounded.", 71)]
    public void The_wounded_counted_since_the_events_day_are_its_victims(string text, int low) =>
        Assert.That(Find(Extract(text), low).PerpetratorSide, Is.EqualTo("al-shabaab"));

    [TestCase("OUAGADOUGOU - Gunmen attacked the village of Dablo on Wednesday, killing 31.")]
    [TestCase("OUAGADOUGOU, March 6 (Reuters) - Gunmen attacked the village of Dablo on Wednesday, killing 31.")]
    [TestCase("Ouagadougou, 6 March 2026 - Gunmen attacked the village of Dablo on Wednesday, killing 31.")]
    public void The_town_a_story_was_filed_from_is_no_actor(string text) =>
        Assert.That(Find(Extract(text), 31).Perpetrator, Is.Null);

    [TestCase("OUAGADOUGOU - Operations around Djibo since Tuesday had neutralised more than 60 terrorists, state broadcaster RTB said.", 61)]
    [TestCase("OUAGADOUGOU - More than 60 terrorists were neutralised around Djibo since Tuesday, the army said.", 61)]
    [TestCase("MAIDUGURI - Twelve insurgents were neutralized in an ambush near Damboa on Thursday, a military spokesman said.", 12)]
    public void Fighters_counted_in_a_states_words_fell_to_the_state(string text, int low) =>
        Assert.That(Find(Extract(text), low).PerpetratorSide, Is.EqualTo("government"));

    [Test]
    public void The_states_words_for_its_own_soldiers_give_no_side()
    {
        var claims = Extract("OUAGADOUGOU - Twelve soldiers were neutralised by terrorists near Djibo on Tuesday.");
        Assert.That(Find(claims, 12).PerpetratorSide, Is.Not.EqualTo("government"));
    }

    [TestCase("OUAGADOUGOU - The army said it repelled an attack on its post at Djibo on Tuesday. Forty terrorists and one soldier were killed, the army said.", 1)]
    [TestCase("CULIACAN - The state's Public Security Secretariat said 2 municipal police officers were wounded when their patrol was ambushed in Culiacán.", 2)]
    [TestCase("CULIACAN - The Sinaloa State Public Security Secretariat said 2 police officers were killed when gunmen ambushed their patrol near Navolato.", 2)]
    public void A_states_own_soldiers_do_not_fall_to_its_side(string text, int low) =>
        Assert.That(Find(Extract(text), low).PerpetratorSide, Is.Not.EqualTo("government"));

    [Test]
    public void Another_states_soldiers_may_fall_to_the_government_side()
    {
        var claims = Extract("BEIRUT - Two Turkish soldiers were killed by regime shelling on a Turkish observation post near Saraqeb on Thursday, the monitor said.");
        Assert.That(Find(claims, 2).PerpetratorSide, Is.EqualTo("government"));
    }

    [TestCase("OUAGADOUGOU - Suspected jihadists killed at least 37 people in an attack on the village of Sollé, a local councillor said on Wednesday. Gunmen on motorbikes stormed the village on Monday afternoon.", 37, "2026-03-02")]
    [TestCase("BAMAKO - Militants killed 12 soldiers at a checkpoint near Aguelhok, the army said on Thursday. The assault began before dawn on Tuesday, when fighters attacked the post from two sides.", 12, "2026-03-03")]
    public void A_later_paragraph_dates_the_event_a_lead_stated_with_its_day_of_speaking(string text, int low, string start) =>
        Assert.That(Find(Extract(text), low).Period.Start?.ToString(), Is.EqualTo(start));

    [Test]
    public void An_attack_dated_elsewhere_does_not_date_the_lead()
    {
        var claims = Extract("OUAGADOUGOU - Suspected jihadists killed at least 37 people in an attack on the village of Sollé, a local councillor said on Wednesday. On Monday, gunmen raided Kaya, the regional capital.");
        Assert.That(Find(claims, 37).Period.Start?.ToString(), Is.EqualTo("2026-03-04"));
    }

    [TestCase("MIREBALAIS - At least 46 people were killed in the village of Kambari on Friday.", "Kambari")]
    [TestCase("PORT-AU-PRINCE - Gang members attacked Pont-Sondé, in the Artibonite department, on Friday, killing at least 46 people.", "Pont-Sondé")]
    [TestCase("BENI - A separate attack on the Kalunguta neighbourhood of Beni town killed 46 people, the mayor said.", "Kalunguta")]
    [TestCase("PORT-AU-PRINCE - Gunmen raided Bas-Boën, in the Ouest department, on Friday, killing at least 46 people.", "Bas-Boën")]
    public void A_place_the_gazetteer_lacks_is_kept_where_wire_copy_puts_it(string text, string place) =>
        Assert.That(Find(Extract(text), 46).Place, Is.EqualTo(place));
}
