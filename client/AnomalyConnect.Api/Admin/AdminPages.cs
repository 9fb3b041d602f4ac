using AnomalyConnect.Api.Admin.Markup;
using Microsoft.AspNetCore.Http;

namespace AnomalyConnect.Api.Admin;

/// <summary>The page frame of the admin UI (navigation, log-out, messages) and the HTML results built on it.</summary>
public static class AdminPages
{
    private static readonly (string Path, string Label)[] Navigation =
    [
        ("/admin", "Overview"),
        ("/admin/nodes", "Nodes"),
        ("/admin/users", "Users"),
        ("/admin/tariffs", "Tariffs"),
        ("/admin/promo-codes", "Promo codes"),
        ("/admin/payments", "Payments"),
        ("/admin/audit", "Audit log"),
        ("/admin/account", "Account"),
    ];

    /// <summary>A page of the logged-in UI: <paramref name="notice"/> and <paramref name="error"/> are shown above the body.</summary>
    public static IResult Page(AdminRequest admin, string section, string title, Html body, string? notice = null, string? error = null, int status = StatusCodes.Status200OK, Html head = default)
    {
        var links = Html.Join(Navigation.Select(item => Html.Of(
            $"""<a href="{item.Path}"{(item.Path == section ? Html.Of($" aria-current=\"page\"") : Html.Empty)}>{item.Label}</a>""")));
        var page = Html.Of(
            $"""
            <header class="top">
              <a class="brand" href="/admin">Anomaly Connect</a>
              <nav>{links}</nav>
              <form method="post" action="/admin/logout" class="logout">{AdminForms.Csrf(admin)}<button type="submit" class="link">Log out {admin.Login}</button></form>
            </header>
            <main>
              <h1>{title}</h1>
              {Message("notice", notice)}{Message("error", error)}
              {body}
            </main>
            """);
        return Document(title, page, status, head);
    }

    /// <summary>A page outside the logged-in frame (login, refusals).</summary>
    public static IResult Bare(string title, Html body, int status = StatusCodes.Status200OK) =>
        Document(title, Html.Of($"""<main class="narrow"><h1>{title}</h1>{body}</main>"""), status, default);

    public static IResult Refused(int status, string message) =>
        Bare(status == StatusCodes.Status401Unauthorized ? "Not logged in" : "Refused",
            Html.Of($"""<p class="error">{message}</p><p><a href="/admin/login">Log in</a></p>"""), status);

    public static Html Message(string kind, string? text) =>
        string.IsNullOrEmpty(text) ? Html.Empty : Html.Of($"""<p class="{kind}" role="{(kind == "error" ? "alert" : "status")}">{text}</p>""");

    private static IResult Document(string title, Html content, int status, Html head) =>
        Results.Content(
            Html.Of(
                $"""
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>{title} · Anomaly Connect admin</title>
                <link rel="stylesheet" href="/admin/assets/admin.css">
                <script src="/admin/assets/admin.js" defer></script>
                {head}
                </head>
                <body>
                {content}
                </body>
                </html>
                """).Value,
            "text/html; charset=utf-8",
            statusCode: status);
}
