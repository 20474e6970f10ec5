// The workload the page benchmarks share: `count` processes P1..Pn arriving at 0 with one CPU
// burst of 1..100 ticks each (a fixed spread, so every run measures the same thing).
export function workload(count, policy) {
  return {
    version: 1,
    processes: Array.from({ length: count }, (_, index) => ({
      name: `P${index + 1}`,
      arrival: 0,
      bursts: [{ cpu: 1 + ((index * 37 + (index >> 3) * 11) % 100) }],
    })),
    policy,
  };
}
