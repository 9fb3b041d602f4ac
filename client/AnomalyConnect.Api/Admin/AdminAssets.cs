namespace AnomalyConnect.Api.Admin;

/// <summary>
/// The admin UI's only stylesheet and script, served from /admin/assets (no CDN, no inline script: the CSP allows
/// scripts from this origin only). The layout works from a phone's width up.
/// </summary>
public static class AdminAssets
{
    public const string Css =
        """
        :root { --fg: #1d2430; --muted: #5b6575; --line: #d9dee6; --bg: #f6f7f9; --card: #fff; --accent: #2457c5; --bad: #b42318; --good: #1a7f37; --warn: #9a6700; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
        a { color: var(--accent); }
        .top { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; padding: .6rem 1rem; background: #1d2430; color: #fff; }
        .top a { color: #dfe6f3; text-decoration: none; }
        .top a[aria-current=page] { color: #fff; font-weight: 600; border-bottom: 2px solid #8fb0ff; }
        .brand { font-weight: 700; color: #fff !important; margin-right: .5rem; }
        .top nav { display: flex; flex-wrap: wrap; gap: .25rem .9rem; flex: 1 1 auto; }
        .logout { margin-left: auto; }
        .link { background: none; border: 0; color: #dfe6f3; padding: 0; cursor: pointer; font: inherit; text-decoration: underline; }
        main { padding: 1rem; max-width: 1200px; margin: 0 auto; }
        main.narrow { max-width: 26rem; margin-top: 3rem; }
        h1 { font-size: 1.4rem; margin: .2rem 0 1rem; } h2 { font-size: 1.1rem; margin: 1.6rem 0 .6rem; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: .75rem; }
        .card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .75rem .9rem; }
        .card .value { font-size: 1.35rem; font-weight: 600; } .card .label { color: var(--muted); font-size: .85rem; }
        .table-wrap { overflow-x: auto; background: var(--card); border: 1px solid var(--line); border-radius: 8px; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: .45rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; white-space: nowrap; }
        td.wrap { white-space: normal; word-break: break-word; }
        th { font-size: .8rem; color: var(--muted); font-weight: 600; background: #fafbfc; }
        tr:last-child td { border-bottom: 0; }
        form.panel, .panel { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .9rem; margin-bottom: 1rem; }
        form.grid, .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: .6rem .9rem; align-items: end; }
        form.inline { display: inline; }
        .actions { display: flex; flex-wrap: wrap; gap: .5rem; align-items: flex-end; }
        .actions form { display: flex; gap: .4rem; align-items: flex-end; flex-wrap: wrap; }
        label { display: flex; flex-direction: column; gap: .2rem; font-size: .85rem; color: var(--muted); }
        label.check { flex-direction: row; align-items: center; gap: .4rem; color: var(--fg); }
        label small { color: var(--muted); font-size: .75rem; }
        input, select, textarea { font: inherit; padding: .4rem .5rem; border: 1px solid var(--line); border-radius: 6px; background: #fff; color: var(--fg); min-width: 0; }
        input[type=checkbox] { width: auto; }
        button { font: inherit; padding: .42rem .8rem; border-radius: 6px; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; }
        button.secondary { background: #fff; color: var(--accent); }
        button.danger { background: var(--bad); border-color: var(--bad); }
        .notice { background: #e8f5ec; border: 1px solid #b7dfc2; padding: .5rem .75rem; border-radius: 6px; }
        .error { background: #fdecea; border: 1px solid #f5c2bd; padding: .5rem .75rem; border-radius: 6px; color: var(--bad); }
        .badge { display: inline-block; padding: .05rem .45rem; border-radius: 999px; font-size: .8rem; background: #e9edf3; }
        .badge.active, .badge.healthy, .badge.succeeded, .badge.completed { background: #dff3e4; color: var(--good); }
        .badge.disabled, .badge.unhealthy, .badge.canceled, .badge.refunded { background: #fde5e2; color: var(--bad); }
        .badge.limited, .badge.expired, .badge.draining, .badge.pending, .badge.running { background: #fff2cc; color: var(--warn); }
        .muted { color: var(--muted); }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; margin: 0; }
        dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; word-break: break-all; }
        .chart { width: 100%; height: auto; max-height: 220px; background: var(--card); border: 1px solid var(--line); border-radius: 8px; }
        .chart rect.bar { fill: #6d8fd8; } .chart text { font-size: 11px; fill: var(--muted); }
        .pager { display: flex; gap: 1rem; margin: .6rem 0; }
        progress { width: 100%; height: 1.1rem; }
        code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .85rem; }
        details > summary { cursor: pointer; color: var(--accent); margin: .4rem 0; }
        fieldset { border: 1px solid var(--line); border-radius: 8px; margin: 0; padding: .6rem .8rem; }
        legend { padding: 0 .3rem; color: var(--muted); }
        .qr { image-rendering: pixelated; width: 200px; height: 200px; }
        @media (max-width: 640px) {
          main { padding: .7rem; } .logout { margin-left: 0; } h1 { font-size: 1.2rem; }
          th, td { padding: .4rem; }
        }
        """;

    public const string Script =
        """
        // Anomaly Connect admin: asks before destructive changes (forms with data-confirm). Everything else works without it.
        document.addEventListener("submit", function (event) {
          var form = event.target;
          var question = form.getAttribute && form.getAttribute("data-confirm");
          if (question && !window.confirm(question)) {
            event.preventDefault();
          }
        });
        """;
}
