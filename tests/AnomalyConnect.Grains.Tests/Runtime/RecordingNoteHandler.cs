using AnomalyConnect.Contracts.Runtime;
using System.Collections.Concurrent;
using AnomalyConnect.Grains.Runtime;

namespace AnomalyConnect.Grains.Tests.Runtime;

/// <summary>Records deliveries; fails a note's first deliveries, or forever, when told to.</summary>
public sealed class RecordingNoteHandler : IOutboxHandler
{
    private readonly ConcurrentDictionary<string, int> failuresLeft = new();

    public string Kind => ProbeGrain.NoteKind;

    public ConcurrentQueue<(ProbeNote Note, int Attempt)> Delivered { get; } = new();

    public ConcurrentQueue<(string Text, int Attempt)> Failed { get; } = new();

    public HashSet<string> Poison { get; } = [];

    public void FailFirst(string text, int times) => failuresLeft[text] = times;

    public Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        var note = message.Read<ProbeNote>();
        if (Poison.Contains(note.Text))
        {
            throw new PermanentDeliveryFailureException($"'{note.Text}' can never be delivered");
        }
        if (failuresLeft.TryGetValue(note.Text, out var left) && left > 0)
        {
            failuresLeft[note.Text] = left - 1;
            Failed.Enqueue((note.Text, message.Attempt));
            throw new HttpRequestException("the outside world is down");
        }
        Delivered.Enqueue((note, message.Attempt));
        return Task.CompletedTask;
    }
}
