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

// A program that never ends: two threads of one process add to a shared counter forever, so the
// run stops at the instruction budget (the worst a student can ask of the instruction machine).
export function spinningProgram(budget) {
  return {
    version: 1,
    processes: [{
      name: 'P1',
      arrival: 0,
      bursts: [],
      threads: [{ bursts: [] }, { bursts: [] }],
      program: '.var x\n.main\n.top\nmov x, %ax\nadd $1, %ax\nmov %ax, x\nj .top\nhalt\n',
    }],
    policy: { kind: 'rr', quantum: 3 },
    machine: { instruction_budget: budget },
  };
}
