using System.Net.Sockets;
using AnomalyConnect.Contracts.Runtime;
using Npgsql;

namespace AnomalyConnect.Grains.Runtime;

/// <summary>Turns "the database is not there" into one exception the front end maps to 503.</summary>
public static class StateStore
{
    public static async Task<T> GuardAsync<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (Exception exception) when (IsUnavailable(exception))
        {
            throw new StateStoreUnavailableException("The state store (PostgreSQL) is unavailable.", exception);
        }
    }

    public static bool IsUnavailable(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState is "57P01" or "57P02" or "57P03" or "53300" or "08006" or "08001" or "08003" or "08004",
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException,
        SocketException => true,
        _ => false,
    };
}
