using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AnomalyConnect.Benchmarks.Figures;

/// <summary>
/// The machine's ceiling for figure 1: this program started again as its own process (BENCH_MODE=baseline), a Kestrel
/// app built like the silo's (WebApplication.CreateBuilder) answering GET /const/{token} with a constant body as long
/// as a real subscription.
/// </summary>
public static class BaselineServer
{
    public const string ModeVariable = "BENCH_MODE";
    public const string Mode = "baseline";
    public const string BodyLengthVariable = "BENCH_BODY_BYTES";

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var length = int.TryParse(Environment.GetEnvironmentVariable(BodyLengthVariable), out var bytes) ? bytes : 2048;
        var body = Encoding.ASCII.GetBytes(new string('a', length));
        app.MapGet("/healthz", () => "ok");
        app.MapGet("/const/{token}", (string token) => TypedResults.Bytes(body, "text/plain"));
        await app.RunAsync();
        return 0;
    }
}
