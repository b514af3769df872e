using Casualties.Domain.Extraction;
using Casualties.Domain.Model;

namespace Casualties.Domain.Tests.Extraction;

/// <summary>
/// Attribution on text no seed covers: sources the reference data lacks, offices, anaphora by noun, unknown beats
/// wrong, running tallies and the time of speaking. Each rule on several phrasings written for it.
/// </summary>
[Property("Issue", "16")]
public sealed class OpenAttributionTests
{
    private static readonly DateOnly Friday = new(2024, 3, 15);

    private static IReadOnlyList<Claim> Extract(string text) => new ClaimExtractor(TestData.Reference).Extract(text, Friday);

    private static Claim Only(string text)
    {
        var claims = Extract(text);
        Assert.That(claims, Has.Count.EqualTo(1), () => "claims read: " + string.Join("; ", claims.Select(c => c.Quote)));
        return claims[0];
    }

    [TestCase("Gunmen killed 14 villagers in the hills, the provincial governor, Ana Sitoe, said.", "Ana Sitoe")]
    [TestCase("Ana Sitoe, the provincial governor, said 14 villagers were killed in the hills.", "Ana Sitoe")]
    [TestCase("Fighting killed 23 people near the river, a local rights group, Voix du Kivu, said on Friday.", "Voix du Kivu")]
    [TestCase("According to Marcos Okello, mayor of the town, 8 people were shot dead.", "Marcos Okello")]
    [TestCase("Dr Amina Tesfaye, director of the general hospital, said 31 people were killed in the blast.", "Amina Tesfaye")]
    [TestCase("Eleven people were killed in the raid, said Joaquim Mabote, a district official.", "Joaquim Mabote")]
    [TestCase("Six people were killed in the attack, police spokesman Tomas Vilanculo said.", "Tomas Vilanculo")]
    [TestCase("Joaquim Mabote, a district official, told Reuters that eleven people were killed in the raid.", "Joaquim Mabote")]
    [TestCase("Eleven people were killed in the raid, Joaquim Mabote told The Associated Press.", "Joaquim Mabote")]
    [TestCase("Ana Sitoe told the BBC on Friday that 14 villagers were killed in the hills.", "Ana Sitoe")]
    [TestCase("Gunmen killed 14 villagers in the hills, residents told Human Rights Watch.", "Human Rights Watch")]
    [TestCase("BUNIA, DR Congo (Wire) - Fifty people were killed on Monday in Djugu territory, according to the territory administrator, Colonel Jean Mbala.", "Jean Mbala")]
    [TestCase("BUNIA, DR Congo (Wire) - Fifty people were killed on Monday in Djugu territory, the territory administrator, Jean Mbala, said.", "Jean Mbala")]
    [TestCase("BUNIA, DR Congo (Wire) - Fifty people were killed on Monday in Djugu territory, said Paul Dhedonga, president of the civil society of Djugu.", "Paul Dhedonga")]
    public void A_person_or_body_the_reference_data_lacks_is_the_source_by_the_name_given(string text, string source) =>
        Assert.That(Only(text).Source, Is.EqualTo(source));

    [TestCase("The district council, which answers to the Ministry of Health, said twelve civilians died in the attack.", "district council")]
    [TestCase("The Kalembe Township Administration, which operates under the National Unity Government (NUG), said 26 people had died.", "Kalembe Township Administration")]
    [TestCase("Dr Amina Tesfaye, who works with Doctors Without Borders in the town, said 31 people were killed in the blast.", "Amina Tesfaye")]
    [TestCase("Twelve civilians died in the attack, the district council said in a statement.", "district council")]
    [TestCase("Twelve civilians died in the attack, the town's administrator said.", "town's administrator")]
    [TestCase("Twelve civilians died in the attack, the district administrator said.", "district administrator")]
    [TestCase("The provincial governor said nine people were killed in the raid.", "provincial governor")]
    [TestCase("Nine people were killed in the raid, according to local authorities.", "local authorities")]
    public void An_office_named_without_a_person_is_the_source_by_its_office(string text, string source) =>
        Assert.That(Only(text).Source, Is.EqualTo(source));

    [TestCase("Ana Sitoe, the provincial governor, said on Thursday that the town was calm. Seven people died in the fire, the governor added.", "Ana Sitoe")]
    [TestCase("The Kivu Security Tracker said on Monday that it was checking reports. Forty people were killed in May, the tracker said.", "Kivu Security Tracker")]
    [TestCase("Marta Chivambo, who heads the town council, said the fire started at night. Twenty homes burned and five people died, Chivambo said.", "Marta Chivambo")]
    public void A_generic_noun_or_a_surname_refers_back_to_the_source_named_before(string text, string source) =>
        Assert.That(Extract(text)[^1].Source, Is.EqualTo(source));

    [TestCase("Villagers told us 12 people were killed.")]
    [TestCase("Survivors told us that 12 people were killed in the night.")]
    public void The_pronoun_us_is_not_the_dollar(string text)
    {
        var claim = Only(text);
        Assert.That((claim.Outcome, claim.Quantity.Low), Is.EqualTo((Outcome.Killed, 12)));
    }

    [TestCase("Gunmen killed 14 villagers, a local official said.")]
    [TestCase("Militants killed 14 villagers in an overnight raid, residents said.")]
    [TestCase("Fourteen villagers were shot dead by gunmen on Tuesday.")]
    public void A_loose_word_for_attackers_gives_no_side_outside_a_known_conflict(string text) =>
        Assert.That(Only(text).PerpetratorSide, Is.Null);

    [TestCase("The provincial governor said nine people were killed in the raid.")]
    [TestCase("Nine people were killed in the raid, the police said.")]
    public void A_country_body_named_by_a_common_noun_is_not_credited_when_the_country_is_unknown(string text)
    {
        var source = Only(text).Source;
        Assert.That(TestData.Reference.SourceNamed(source ?? "")?.Country, Is.Null, $"credited {source}");
    }

    [TestCase("The offensive on the town began on 2 March. The death toll from the offensive has risen to 215, the monitor said on Thursday.")]
    [TestCase("The campaign against the rebels began on 2 March. The death toll from the campaign has climbed to 215, the army said on Thursday.")]
    public void A_running_tally_ends_when_stated_and_starts_when_the_campaign_began(string text)
    {
        var claim = Only(text);
        Assert.That((claim.Period.Start?.ToString(), claim.Period.End?.ToString(), claim.Cumulative),
            Is.EqualTo(("2024-03-02", "2024-03-14", true)));
    }

    [TestCase("Tuesday's strike killed 20 people in the town, the governor said on Friday.", "2024-03-12")]
    [TestCase("The strike on Tuesday killed 20 people in the town, officials said on Thursday.", "2024-03-12")]
    public void The_time_a_speech_verb_carries_is_not_the_events(string text, string day)
    {
        var claim = Only(text);
        Assert.That((claim.Period.Start?.ToString(), claim.Period.End?.ToString()), Is.EqualTo((day, day)));
    }

    [TestCase("The Centre for Human Rights and Democracy in Africa (CHRDA) condemns the killing of at least nine civilians in Bamessing.", "Centre for Human Rights and Democracy in Africa")]
    [TestCase("The Bamenda Lawyers Collective denounces the murder of at least nine civilians in Bamessing.", "Bamenda Lawyers Collective")]
    [TestCase("The Somali Regional Human Rights Council deplored the deaths of 22 villagers in Degehabur on Thursday.", "Somali Regional Human Rights Council")]
    public void A_body_that_condemns_the_killings_it_counts_is_their_source(string text, string source) =>
        Assert.That(Only(text).Source, Is.EqualTo(source));

    [TestCase("BOGOTÁ, Colombia (Wire) - The Ombudsman's Office puts the number of people displaced since 16 January at 54,000.")]
    [TestCase("LIMA, Peru (Wire) - Six people died in clashes on Monday, the Ombudsman's Office said.")]
    [TestCase("BOGOTÁ, Colombia (Wire) - Twelve people were killed in Tibú on Monday, the Observatory said.")]
    public void A_name_any_countrys_body_may_bear_is_no_evidence_for_the_one_the_reference_data_gives_it(string text) =>
        Assert.That(Only(text).Source, Is.Null.Or.Not.AnyOf("Ukrainian Parliament Commissioner for Human Rights", "Syrian Observatory for Human Rights"));

    [TestCase("Since 16 January, this Observatory has recorded 80 people killed in the province.")]
    [TestCase("Our Observatory has documented 41 deaths since Monday.")]
    [TestCase("BOGOTÁ, Colombia (Wire) - Since 16 January, this Observatory has recorded 80 people killed in Tibú.")]
    public void A_body_writing_of_itself_is_the_publisher_not_another_body_of_that_noun(string text) =>
        Assert.That(Only(text).Source, Is.Not.EqualTo("Syrian Observatory for Human Rights"));

    [TestCase("Armenia's defence ministry said 12 soldiers were killed on Thursday.")]
    [TestCase("Twelve soldiers were killed on Thursday, the Armenian Defence Ministry said.")]
    [TestCase("According to Armenia's Ministry of Defence, 12 soldiers were killed on Thursday.")]
    [TestCase("YEREVAN (Wire) - Twelve soldiers were killed on Thursday, Armenia's Ministry of Defense said in a statement.")]
    public void A_ministry_named_with_its_country_is_one_source_whatever_the_form(string text) =>
        Assert.That(Only(text).Source, Is.EqualTo("Armenian Ministry of Defence"));

    [TestCase("Azerbaijan's defence ministry said 50 of its servicemen had been killed since Tuesday.")]
    [TestCase("The Azerbaijani Ministry of Defence said 50 of its servicemen had been killed since Tuesday.")]
    [TestCase("Fifty Azerbaijani servicemen had been killed since Tuesday, according to Azerbaijan's Defense Ministry.")]
    public void A_foreign_ministry_named_with_its_country_speaks_in_a_report_from_another(string sentence)
    {
        var claims = TestData.Extract("YEREVAN, Armenia (Wire) - At least 105 Armenian servicemen have been killed in fighting in Jermuk, "
            + "Armenia's defence ministry said. " + sentence, Friday);
        Assert.That(claims.Single(c => c.Quantity.Low == 50).Source, Is.EqualTo("Azerbaijani Ministry of Defence"));
    }
}

/// <summary>The reporting-clause finder on its own: what it names, as written.</summary>
[Property("Issue", "16")]
internal sealed class SourceCandidateFinderTests
{
    private static List<SourceCandidate> Find(string sentence)
    {
        var text = TokenText.Of(sentence);
        var found = new List<SourceCandidate>();
        SourceCandidateFinder.Find(text, 0, text.Count, found);
        return found;
    }

    [TestCase("Twelve died, the district council said.", "district council", SourceForm.Office)]
    [TestCase("Twelve died, said Ana Sitoe, the governor.", "Ana Sitoe", SourceForm.Person)]
    [TestCase("According to the Kivu Security Tracker, twelve died.", "Kivu Security Tracker", SourceForm.ProperName)]
    [TestCase("A ministry spokesman said twelve died.", "ministry", SourceForm.Office)]
    [TestCase("Twelve died, Lamu county commissioner Stephen Kihoro told reporters.", "Stephen Kihoro", SourceForm.Person)]
    public void Finds_the_subject_of_a_reporting_clause(string sentence, string name, SourceForm form)
    {
        var found = Find(sentence);
        Assert.That(found.Select(c => (c.Name, c.Form)), Does.Contain((name, form)));
    }

    [TestCase("Villagers said twelve died.")]
    [TestCase("He said twelve died.")]
    [TestCase("Twelve died, witnesses told us.")]
    [TestCase("Twelve people were reported killed.")]
    public void Finds_no_source_in_people_who_are_not_one(string sentence) => Assert.That(Find(sentence), Is.Empty);
}
