namespace Impulse.Sources.Embedded;

/// <summary>What every view of one queue shares: its name, its row id and its wake-up signal.</summary>
internal sealed record QueueHandle(string Name, long Id, QueueSignal Signal);
