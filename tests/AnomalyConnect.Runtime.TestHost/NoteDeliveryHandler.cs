using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Grains.Runtime;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AnomalyConnect.Runtime.TestHost;

/// <summary>
/// Stands in for the outside world: records each delivery with the silo that made it. With
/// TESTHOST_HANG_DELIVERIES=1 it never finishes, so the silo holds its claimed entries until it is killed.
/// </summary>
public sealed class NoteDeliveryHandler(NpgsqlDataSource dataSource, IOptions<GrainRuntimeOptions> options) : IOutboxHandler
{
    private static readonly bool Hang = Environment.GetEnvironmentVariable("TESTHOST_HANG_DELIVERIES") == "1";

    public string Kind => CounterGrain.NoteKind;

    public async Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        if (Hang)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        var note = message.Read<Note>();
        await using var command = dataSource.CreateCommand(
            "INSERT INTO test_deliveries (outbox_id, counter, note, silo) VALUES ($1, $2, $3, $4)");
        command.Parameters.Add(new() { Value = message.Id });
        command.Parameters.Add(new() { Value = note.Counter });
        command.Parameters.Add(new() { Value = note.Text });
        command.Parameters.Add(new() { Value = options.Value.SiloName });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
