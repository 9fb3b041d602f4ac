using Microsoft.Extensions.Configuration;
using Npgsql;

namespace AnomalyConnect.Silo.Configuration;

/// <summary>Builds the PostgreSQL connection string from DATABASE_URL or from DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD.</summary>
public static class DatabaseConnection
{
    public static string FromConfiguration(IConfiguration configuration, List<string> problems)
    {
        var builder = new NpgsqlConnectionStringBuilder();
        if (configuration["DATABASE_URL"] is { Length: > 0 } url)
        {
            if (!TryApplyUrl(url, builder))
            {
                problems.Add("DATABASE_URL is not a postgres:// or postgresql:// URL of the form postgres://user:password@host:port/database.");
                return "";
            }
        }
        else
        {
            builder.Host = configuration["DB_HOST"] is { Length: > 0 } host ? host : "127.0.0.1";
            builder.Port = 5432;
            if (configuration["DB_PORT"] is { Length: > 0 } port)
            {
                if (int.TryParse(port, out var portNumber) && portNumber is > 0 and < 65536)
                {
                    builder.Port = portNumber;
                }
                else
                {
                    problems.Add($"DB_PORT must be a port number; '{port}' is not.");
                }
            }
            builder.Database = configuration["DB_NAME"] is { Length: > 0 } name ? name : "anomaly_connect";
            builder.Username = configuration["DB_USER"] is { Length: > 0 } user ? user : "postgres";
            if (configuration["DB_PASSWORD"] is { Length: > 0 } password)
            {
                builder.Password = password;
            }
        }
        builder.MaxPoolSize = configuration["DB_POOL_SIZE"] is { Length: > 0 } pool && int.TryParse(pool, out var size) ? size : 40;
        builder.ApplicationName = "anomaly-connect";
        return builder.ConnectionString;
    }

    private static bool TryApplyUrl(string url, NpgsqlConnectionStringBuilder builder)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("postgres" or "postgresql"))
        {
            return false;
        }
        builder.Host = uri.Host;
        builder.Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port;
        builder.Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        var userInfo = uri.UserInfo.Split(':', 2);
        builder.Username = Uri.UnescapeDataString(userInfo[0]);
        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }
        return !string.IsNullOrEmpty(builder.Database);
    }
}
