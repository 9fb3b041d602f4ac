using AnomalyConnect.Silo.Configuration;
using AnomalyConnect.Silo.Extensions;

var builder = WebApplication.CreateBuilder(args);
var (settings, problems) = SiloSettings.Read(builder.Configuration);
if (problems.Count > 0)
{
    foreach (var problem in problems)
    {
        Console.Error.WriteLine(problem);
    }
    Console.Error.WriteLine("Anomaly Connect did not start. Set the variables above (see .env.example) and start it again.");
    return 2;
}

if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:8080");
}

try
{
    builder.AddSiloServices(settings);
}
catch (AnomalyConnect.Contracts.Runtime.ConfigurationProblemException configuration)
{
    foreach (var problem in configuration.Problems)
    {
        Console.Error.WriteLine(problem);
    }
    Console.Error.WriteLine("Anomaly Connect did not start. Set the variables above (see .env.example) and start it again.");
    return 2;
}

var app = builder.Build();
await app.PrepareAsync(settings);
app.Logger.LogSiloStarting(settings.Roles.ToString(), settings.AppUrl);
await app.RunAsync();
return 0;
