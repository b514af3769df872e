namespace Casualties.Reports.Rendering;

public sealed partial class HtmlReportRenderer
{
    /// <summary>The whole stylesheet: system fonts only, readable from a phone to print.</summary>
    private const string Styles = """

        :root { --ink: #1d2330; --muted: #5b6474; --line: #d9dde5; --paper: #ffffff; --wash: #f4f6f9;
                --accent: #1f5fa8; --range: #cfe0f4; --consensus: #6f9fd6; --alert: #b3261e; --warn: #a15c00; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; background: var(--wash); color: var(--ink);
               font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 62rem; margin: 0 auto; padding: 1.25rem 1rem 3rem; background: var(--paper); }
        h1 { font-size: 1.9rem; line-height: 1.2; margin: .2rem 0 .4rem; }
        h2 { font-size: 1.35rem; margin: 2.2rem 0 .8rem; padding-bottom: .3rem; border-bottom: 2px solid var(--ink); }
        h3 { font-size: 1.1rem; margin: 0 0 .2rem; }
        h4 { font-size: .98rem; font-weight: 600; margin: .9rem 0 .3rem; }
        a { color: var(--accent); }
        .meta, .note, .provenance, footer { color: var(--muted); }
        .note { font-size: .92rem; }
        nav { display: flex; flex-wrap: wrap; gap: .4rem; margin: .6rem 0 0; position: sticky; top: 0; background: var(--paper);
              padding: .5rem 0; border-bottom: 1px solid var(--line); z-index: 1; }
        nav a { text-decoration: none; padding: .2rem .65rem; border-radius: 999px; background: var(--wash); font-size: .9rem; }
        .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: .75rem; }
        .card { border: 1px solid var(--line); border-radius: .6rem; padding: .75rem .9rem; background: var(--paper); }
        .card .value { font-size: 1.9rem; font-weight: 700; line-height: 1.1; }
        .card .label { font-weight: 600; }
        .card .detail { color: var(--muted); font-size: .85rem; }
        .card.alert .value { color: var(--alert); }
        ul.headline { padding-left: 1.1rem; }
        .table-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; margin: .4rem 0 .8rem; }
        table { border-collapse: collapse; width: 100%; font-size: .9rem; }
        th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
        th { background: var(--wash); font-weight: 600; white-space: nowrap; }
        td.date, td.said, td.side { white-space: nowrap; }
        td.period { min-width: 7.5rem; }
        td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        tr.superseded td { color: var(--muted); }
        q { font-style: italic; }
        .provenance { font-size: .78rem; margin-top: .15rem; overflow-wrap: anywhere; }
        .none { color: var(--muted); }
        .tag { display: inline-block; font-size: .72rem; font-weight: 600; text-transform: uppercase; letter-spacing: .03em;
               padding: 0 .4rem; border-radius: .3rem; background: var(--wash); color: var(--muted); vertical-align: middle; }
        .incident { border: 1px solid var(--line); border-radius: .6rem; padding: .9rem 1rem; margin: 0 0 1rem; }
        .incident-id { color: var(--muted); font-weight: 400; }
        .flagged, .conflict-text { color: var(--alert); font-weight: 600; }
        .consensus-text { color: #2f6b3a; }
        .figure + .figure { border-top: 1px dashed var(--line); margin-top: .6rem; }
        svg.chart { display: block; width: 100%; height: auto; max-width: 44rem; font-size: 11px; }
        svg .range { fill: var(--range); }
        svg .consensus { fill: var(--consensus); fill-opacity: .55; }
        svg .consensus.open { fill-opacity: .35; }
        svg .best { stroke: var(--ink); stroke-width: 1.5; stroke-dasharray: 4 3; }
        svg .best-label { fill: var(--ink); font-weight: 600; }
        svg .label, svg .legend { fill: var(--ink); }
        svg .tick-label { fill: var(--muted); }
        svg .axis, svg .tick { stroke: var(--muted); stroke-width: 1; }
        svg .grid { stroke: var(--line); stroke-width: 1; }
        svg .source .bounds { stroke: var(--ink); stroke-width: 2; }
        svg .source .open-end { fill: none; stroke: var(--ink); stroke-width: 2; }
        svg .source .point { fill: var(--accent); stroke: var(--paper); stroke-width: 1.5; }
        svg .superseded .bounds, svg .superseded .open-end { stroke: #9aa3b2; stroke-dasharray: 3 2; }
        svg .superseded .point { fill: var(--paper); stroke: #7d8696; stroke-width: 1.5; }
        svg .band { fill-opacity: .18; stroke: none; }
        svg .line { fill: none; stroke-width: 2; }
        svg .whisker { stroke-width: 1.2; }
        .side-0 { --side: #b3261e; } .side-1 { --side: #1f5fa8; } .side-2 { --side: #7b3fa0; }
        .side-3 { --side: #b06f00; } .side-4 { --side: #2f7d3a; } .side-5 { --side: #5b6474; }
        svg .band, svg .swatch, svg .dot { fill: var(--side); }
        svg .line, svg .whisker { stroke: var(--side); }
        .swatch-inline { display: inline-block; width: .7rem; height: .7rem; border-radius: .15rem; background: var(--side);
                         margin-right: .35rem; vertical-align: baseline; }
        figure { margin: .6rem 0 1.2rem; }
        figcaption { font-weight: 600; margin-bottom: .2rem; }
        ul.flags { list-style: none; padding: 0; }
        .flag { border-left: 4px solid var(--line); padding: .45rem .75rem; margin: 0 0 .6rem; background: var(--wash); border-radius: 0 .4rem .4rem 0; }
        .flag .severity { display: inline-block; min-width: 4.2rem; font-size: .75rem; font-weight: 700; text-transform: uppercase; }
        .severity-high { border-left-color: var(--alert); } .severity-high .severity { color: var(--alert); }
        .severity-medium { border-left-color: var(--warn); } .severity-medium .severity { color: var(--warn); }
        .severity-low .severity { color: var(--muted); }
        ul.flags.compact { list-style: none; padding: 0 0 0 .6rem; border-left: 4px solid var(--line); font-size: .9rem; }
        ul.flags.compact.severity-high { border-left-color: var(--alert); } ul.flags.compact.severity-medium { border-left-color: var(--warn); }
        ul.flags.compact li { margin: 0 0 .25rem; }
        p.left-out { background: var(--wash); padding: .4rem .6rem; border-radius: .4rem; font-size: .92rem; }
        code { font-size: .85rem; overflow-wrap: anywhere; }
        dl dt { font-weight: 700; margin-top: .8rem; }
        dl dd { margin: .15rem 0 0 0; }
        footer { margin-top: 2.5rem; padding-top: .6rem; border-top: 1px solid var(--line); font-size: .85rem; }
        @media (max-width: 40rem) {
          body { font-size: 15px; }
          main { padding: .8rem .6rem 2rem; }
          h1 { font-size: 1.5rem; }
          .incident { padding: .7rem .6rem; }
          th, td { padding: .3rem .35rem; }
          .card .value { font-size: 1.5rem; }
        }
        @media print {
          @page { margin: 1.5cm; }
          body { background: #fff; font-size: 10.5pt; }
          main { max-width: none; padding: 0; }
          nav { display: none; }
          a { color: inherit; text-decoration: none; }
          h2 { break-after: avoid; }
          .incident, .flag, figure, .card, tr { break-inside: avoid; }
          .table-wrap { overflow: visible; }
          svg.chart { max-width: 100%; }
        }

        """;
}
