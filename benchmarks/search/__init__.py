"""Search benchmarks: a deterministic Vietnamese corpus generator and the latency/throughput run."""
