// The tests start silo processes, v2ray and chromium on a 2-core machine; one class at a time keeps timings honest.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
