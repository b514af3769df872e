using Casualties.Domain.Model;
using Casualties.Domain.Reference;

namespace Casualties.Domain.Extraction;

/// <summary>A claim being read: attributes are filled in sentence by sentence, names resolved at the end.</summary>
internal sealed class ClaimDraft(QuantityMention mention)
{
    public QuantityMention Mention { get; } = mention;
    public Outcome? Outcome { get; set; }
    public string? Victims { get; set; }
    public string? VictimSide { get; set; }
    public IReadOnlyList<Actor> VictimActors { get; set; } = [];
    /// <summary>Last token of the victim noun, or of the figure when it has none.</summary>
    public int VictimEnd { get; set; }
    /// <summary>True when the outcome was read from this figure's own words, not inherited.</summary>
    public bool OwnOutcome { get; set; }
    public bool IsSubset { get; set; }
    /// <summary>An outcome read from an adjective of the victims ("scores of wounded soldiers"), used when no verb gives one.</summary>
    public Outcome? ModifierOutcome { get; set; }
    /// <summary>"251 of them", "the remaining 73": a part of a group counted before.</summary>
    public bool RefersToGroup { get; set; }
    public ClaimDraft? Parent { get; set; }
    /// <summary>The figure before it in a list ("12 civilians and 3 soldiers").</summary>
    public ClaimDraft? CoordinatedWith { get; set; }
    public bool IsTally { get; set; }
    public bool Rejected { get; set; }
    public IReadOnlyList<Source> Sources { get; set; } = [];
    public IReadOnlyList<Actor> Perpetrators { get; set; } = [];
    /// <summary>An armed group the text names as the attacker that the reference data lacks: kept by name, with no side.</summary>
    public string? UnknownPerpetrator { get; set; }
    /// <summary>The state a nationality word in the victims' phrase names ("8 Cambodian soldiers"), outside seeded conflicts.</summary>
    public string? VictimCountry { get; set; }
    public Place? Place { get; set; }
    public DatePeriod Period { get; set; } = DatePeriod.Unknown;
    public bool Cumulative { get; set; }
    /// <summary>The period is only the day the figure was stated ("…, a councillor said on Wednesday"): a later sentence may date the event.</summary>
    public bool DatedBySpeaking { get; set; }
    public string Quote { get; set; } = "";
    public TextSpan Span { get; set; }
    public double Confidence { get; set; } = 0.9;
    public int Sentence { get; set; }
    /// <summary>Read from a headline, caption or live-blog heading: a line without a sentence's closing stop.</summary>
    public bool InHeadline { get; set; }
}
