// Tests of the wire clients and formats in AnomalyConnect.Integrations, against real programs where they run here.
[assembly: CollectionBehavior(MaxParallelThreads = 2)]
