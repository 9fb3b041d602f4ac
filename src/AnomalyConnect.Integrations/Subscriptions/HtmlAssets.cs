namespace AnomalyConnect.Integrations.Subscriptions;

/// <summary>The page's inline style and script: the page must work with no request beyond itself.</summary>
internal static class HtmlAssets
{
    public const string Style = """
        :root { color-scheme: light dark; --bg: #f4f5f7; --card: #fff; --text: #1b1d21; --muted: #5f6672; --accent: #2f6fed; --warn: #b3261e; }
        @media (prefers-color-scheme: dark) { :root { --bg: #121417; --card: #1d2025; --text: #e8eaed; --muted: #a0a6b0; --accent: #7ea6ff; --warn: #ff8a80; } }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--bg); color: var(--text); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
        main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 1.5rem; margin: .5rem 0 1rem; }
        h2 { font-size: 1.1rem; margin: 0 0 .5rem; }
        h3 { font-size: 1rem; margin: 0; word-break: break-word; }
        .card { background: var(--card); border-radius: .75rem; padding: 1rem; margin: 0 0 1rem; box-shadow: 0 1px 3px rgba(0,0,0,.12); }
        .status { border-left: .3rem solid var(--warn); color: var(--warn); font-weight: 600; }
        .muted { color: var(--muted); font-size: .9rem; margin: .25rem 0; }
        progress { width: 100%; height: .6rem; }
        .copy { display: flex; gap: .5rem; margin: .5rem 0; }
        .copy input { flex: 1; min-width: 0; font: .85rem ui-monospace, monospace; padding: .5rem; border: 1px solid var(--muted); border-radius: .4rem; background: transparent; color: inherit; }
        button { border: 0; border-radius: .4rem; padding: .5rem .9rem; background: var(--accent); color: #fff; font: inherit; cursor: pointer; }
        .proxy { border-top: 1px solid rgba(127,127,127,.25); padding: .75rem 0; }
        .proxy:first-of-type { border-top: 0; }
        img.qr { display: block; width: 100%; max-width: 16rem; height: auto; margin: .5rem auto; image-rendering: pixelated; background: #fff; }
        details { margin: .35rem 0; }
        summary { cursor: pointer; color: var(--accent); }
        a { color: var(--accent); }
        """;

    // Clipboard access needs a secure context; over plain HTTP the selected input is copied the old way.
    public const string Script = """
        document.addEventListener('click', function (event) {
          var button = event.target.closest('button[data-copy]');
          if (!button) return;
          var text = button.getAttribute('data-copy');
          var done = function () {
            var label = button.textContent;
            button.textContent = 'Copied';
            setTimeout(function () { button.textContent = label; }, 1500);
          };
          if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(text).then(done);
          } else {
            var input = button.parentNode.querySelector('input');
            input.select();
            document.execCommand('copy');
            done();
          }
        });
        """;
}
