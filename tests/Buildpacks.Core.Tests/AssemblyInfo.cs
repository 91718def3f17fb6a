// Staging tests start real bash processes; two cores are all CI has, so keep collections sequential.
[assembly: CollectionBehavior(DisableTestParallelization = false, MaxParallelThreads = 2)]
