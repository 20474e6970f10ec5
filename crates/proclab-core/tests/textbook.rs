//! Textbook exercises as snapshot tests: each renders the answer key a student would check
//! (a Gantt line and a metrics table) and compares it with the text below.
//!
//! Silberschatz, *Operating System Concepts*, chapter 5; OSTEP chapters 7 and 8.

mod common;

use common::check;
use proclab_core::presets::process;
use proclab_core::{PolicySpec, ProcessSpec, ScenarioSpec};

fn workload(processes: Vec<ProcessSpec>, policy: PolicySpec) -> ScenarioSpec {
    ScenarioSpec {
        processes,
        policy,
        ..ScenarioSpec::default()
    }
}

fn with_priority(mut spec: ProcessSpec, priority: u32) -> ProcessSpec {
    spec.priority = priority;
    spec
}

#[test]
fn silberschatz_fcfs_convoy_average_wait_17() {
    check(
        workload(
            vec![
                process("P1", 0, &[24]),
                process("P2", 0, &[3]),
                process("P3", 0, &[3]),
            ],
            PolicySpec::Fcfs,
        ),
        r"
        CPU0: 0 P1 24 P2 27 P3 30
        proc    arrive cpu io done  turn  wait  resp switch stall
        P1           0  24  0   24    24     0     0      0     0
        P2           0   3  0   27    27    24    24      0     0
        P3           0   3  0   30    30    27    27      0     0
        average                    27.00 17.00 17.00
        throughput 3/30 = 0.10 per tick, utilisation 100.00%, context switches 2, switch ticks 0, stall ticks 0
        ",
    );
}

#[test]
fn silberschatz_fcfs_short_first_average_wait_3() {
    check(
        workload(
            vec![
                process("P2", 0, &[3]),
                process("P3", 0, &[3]),
                process("P1", 0, &[24]),
            ],
            PolicySpec::Fcfs,
        ),
        r"
        CPU0: 0 P2 3 P3 6 P1 30
        proc    arrive cpu io done  turn wait resp switch stall
        P2           0   3  0    3     3    0    0      0     0
        P3           0   3  0    6     6    3    3      0     0
        P1           0  24  0   30    30    6    6      0     0
        average                    13.00 3.00 3.00
        throughput 3/30 = 0.10 per tick, utilisation 100.00%, context switches 2, switch ticks 0, stall ticks 0
        ",
    );
}

#[test]
fn silberschatz_sjf_average_wait_7() {
    check(
        workload(
            vec![
                process("P1", 0, &[6]),
                process("P2", 0, &[8]),
                process("P3", 0, &[7]),
                process("P4", 0, &[3]),
            ],
            PolicySpec::Sjf { prediction: None },
        ),
        r"
        CPU0: 0 P4 3 P1 9 P3 16 P2 24
        proc    arrive cpu io done  turn wait resp switch stall
        P1           0   6  0    9     9    3    3      0     0
        P2           0   8  0   24    24   16   16      0     0
        P3           0   7  0   16    16    9    9      0     0
        P4           0   3  0    3     3    0    0      0     0
        average                    13.00 7.00 7.00
        throughput 4/24 = 0.17 per tick, utilisation 100.00%, context switches 3, switch ticks 0, stall ticks 0
        ",
    );
}

#[test]
fn silberschatz_srtf_average_wait_6_5() {
    check(
        workload(
            vec![
                process("P1", 0, &[8]),
                process("P2", 1, &[4]),
                process("P3", 2, &[9]),
                process("P4", 3, &[5]),
            ],
            PolicySpec::Srtf,
        ),
        r"
        CPU0: 0 P1 1 P2 5 P4 10 P1 17 P3 26
        proc    arrive cpu io done  turn wait resp switch stall
        P1           0   8  0   17    17    9    0      0     0
        P2           1   4  0    5     4    0    0      0     0
        P3           2   9  0   26    24   15   15      0     0
        P4           3   5  0   10     7    2    2      0     0
        average                    13.00 6.50 4.25
        throughput 4/26 = 0.15 per tick, utilisation 100.00%, context switches 4, switch ticks 0, stall ticks 0
        ",
    );
}

#[test]
fn silberschatz_priority_average_wait_8_2() {
    check(
        workload(
            vec![
                with_priority(process("P1", 0, &[10]), 3),
                with_priority(process("P2", 0, &[1]), 1),
                with_priority(process("P3", 0, &[2]), 4),
                with_priority(process("P4", 0, &[1]), 5),
                with_priority(process("P5", 0, &[5]), 2),
            ],
            PolicySpec::Priority {
                preemptive: false,
                aging_every: None,
                lower_is_higher: true,
            },
        ),
        r"
        CPU0: 0 P2 1 P5 6 P1 16 P3 18 P4 19
        proc    arrive cpu io done  turn wait resp switch stall
        P1           0  10  0   16    16    6    6      0     0
        P2           0   1  0    1     1    0    0      0     0
        P3           0   2  0   18    18   16   16      0     0
        P4           0   1  0   19    19   18   18      0     0
        P5           0   5  0    6     6    1    1      0     0
        average                    12.00 8.20 8.20
        throughput 5/19 = 0.26 per tick, utilisation 100.00%, context switches 4, switch ticks 0, stall ticks 0
        ",
    );
}

#[test]
fn silberschatz_rr_quantum_4_average_wait_5_66() {
    check(
        workload(
            vec![
                process("P1", 0, &[24]),
                process("P2", 0, &[3]),
                process("P3", 0, &[3]),
            ],
            PolicySpec::Rr { quantum: 4 },
        ),
        r"
        CPU0: 0 P1 4 P2 7 P3 10 P1 30
        proc    arrive cpu io done  turn wait resp switch stall
        P1           0  24  0   30    30    6    0      0     0
        P2           0   3  0    7     7    4    4      0     0
        P3           0   3  0   10    10    7    7      0     0
        average                    15.67 5.67 3.67
        throughput 3/30 = 0.10 per tick, utilisation 100.00%, context switches 3, switch ticks 0, stall ticks 0
        ",
    );
}

#[test]
fn ostep_fifo_three_equal_jobs_average_turnaround_20() {
    check(
        workload(
            vec![
                process("A", 0, &[10]),
                process("B", 0, &[10]),
                process("C", 0, &[10]),
            ],
            PolicySpec::Fcfs,
        ),
        r"
        CPU0: 0 A 10 B 20 C 30
        proc    arrive cpu io done  turn  wait  resp switch stall
        A            0  10  0   10    10     0     0      0     0
        B            0  10  0   20    20    10    10      0     0
        C            0  10  0   30    30    20    20      0     0
        average                    20.00 10.00 10.00
        throughput 3/30 = 0.10 per tick, utilisation 100.00%, context switches 2, switch ticks 0, stall ticks 0
        ",
    );
}

#[test]
fn ostep_fifo_convoy_average_turnaround_110_vs_sjf_50() {
    let jobs = vec![
        process("A", 0, &[100]),
        process("B", 0, &[10]),
        process("C", 0, &[10]),
    ];
    check(
        workload(jobs.clone(), PolicySpec::Fcfs),
        r"
        CPU0: 0 A 100 B 110 C 120
        proc    arrive cpu io done   turn  wait  resp switch stall
        A            0 100  0  100    100     0     0      0     0
        B            0  10  0  110    110   100   100      0     0
        C            0  10  0  120    120   110   110      0     0
        average                    110.00 70.00 70.00
        throughput 3/120 = 0.03 per tick, utilisation 100.00%, context switches 2, switch ticks 0, stall ticks 0
        ",
    );
    check(
        workload(jobs, PolicySpec::Sjf { prediction: None }),
        r"
        CPU0: 0 B 10 C 20 A 120
        proc    arrive cpu io done  turn  wait  resp switch stall
        A            0 100  0  120   120    20    20      0     0
        B            0  10  0   10    10     0     0      0     0
        C            0  10  0   20    20    10    10      0     0
        average                    50.00 10.00 10.00
        throughput 3/120 = 0.03 per tick, utilisation 100.00%, context switches 2, switch ticks 0, stall ticks 0
        ",
    );
}

#[test]
fn ostep_stcf_late_arrivals_average_turnaround_50() {
    check(
        workload(
            vec![
                process("A", 0, &[100]),
                process("B", 10, &[10]),
                process("C", 10, &[10]),
            ],
            PolicySpec::Srtf,
        ),
        r"
        CPU0: 0 A 10 B 20 C 30 A 120
        proc    arrive cpu io done  turn  wait resp switch stall
        A            0 100  0  120   120    20    0      0     0
        B           10  10  0   20    10     0    0      0     0
        C           10  10  0   30    20    10   10      0     0
        average                    50.00 10.00 3.33
        throughput 3/120 = 0.03 per tick, utilisation 100.00%, context switches 3, switch ticks 0, stall ticks 0
        ",
    );
}

#[test]
fn ostep_rr_response_1_vs_sjf_response_5() {
    let jobs = vec![
        process("A", 0, &[5]),
        process("B", 0, &[5]),
        process("C", 0, &[5]),
    ];
    check(
        workload(jobs.clone(), PolicySpec::Rr { quantum: 1 }),
        r"
        CPU0: 0 A 1 B 2 C 3 A 4 B 5 C 6 A 7 B 8 C 9 A 10 B 11 C 12 A 13 B 14 C 15
        proc    arrive cpu io done  turn wait resp switch stall
        A            0   5  0   13    13    8    0      0     0
        B            0   5  0   14    14    9    1      0     0
        C            0   5  0   15    15   10    2      0     0
        average                    14.00 9.00 1.00
        throughput 3/15 = 0.20 per tick, utilisation 100.00%, context switches 14, switch ticks 0, stall ticks 0
        ",
    );
    check(
        workload(jobs, PolicySpec::Sjf { prediction: None }),
        r"
        CPU0: 0 A 5 B 10 C 15
        proc    arrive cpu io done  turn wait resp switch stall
        A            0   5  0    5     5    0    0      0     0
        B            0   5  0   10    10    5    5      0     0
        C            0   5  0   15    15   10   10      0     0
        average                    10.00 5.00 5.00
        throughput 3/15 = 0.20 per tick, utilisation 100.00%, context switches 2, switch ticks 0, stall ticks 0
        ",
    );
}

#[test]
fn ostep_mlfq_long_job_then_short_job() {
    check(
        workload(
            vec![process("A", 0, &[180]), process("B", 100, &[20])],
            PolicySpec::mlfq_ostep(3, 10, 1, None),
        ),
        r"
        CPU0: 0 A 100 B 120 A 200
        proc    arrive cpu io done   turn  wait resp switch stall
        A            0 180  0  200    200    20    0      0     0
        B          100  20  0  120     20     0    0      0     0
        average                    110.00 10.00 0.00
        throughput 2/200 = 0.01 per tick, utilisation 100.00%, context switches 2, switch ticks 0, stall ticks 0
        ",
    );
}

#[test]
fn ostep_mlfq_boost_keeps_the_long_job_alive() {
    let mut spec = workload(
        vec![
            process("A", 0, &[120]),
            process("B", 100, &[5, 1, 5, 1, 5, 1, 5, 1, 5, 1, 5]),
            process("C", 100, &[5, 1, 5, 1, 5, 1, 5, 1, 5, 1, 5]),
        ],
        PolicySpec::mlfq_ostep(3, 10, 1, Some(50)),
    );
    spec.conventions.boost_timing = proclab_core::spec::BoostTiming::BeforeArrivals;
    check(
        spec,
        r"
        CPU0: 0 A 100 B 105 C 110 A 120 B 125 C 130 A 140 B 145 C 150 B 155 C 160 B 165 C 170 B 175 C 180
        proc    arrive cpu io done  turn  wait resp switch stall
        A            0 120  0  140   140    20    0      0     0
        B          100  30  5  175    75    40    0      0     0
        C          100  30  5  180    80    45    5      0     0
        average                    98.33 35.00 1.67
        throughput 3/180 = 0.02 per tick, utilisation 100.00%, context switches 14, switch ticks 0, stall ticks 0
        ",
    );
}

#[test]
fn silberschatz_mlfq_three_queues() {
    check(
        workload(
            vec![
                process("P1", 0, &[30]),
                process("P2", 0, &[6]),
                process("P3", 10, &[20]),
            ],
            PolicySpec::mlfq_silberschatz(),
        ),
        r"
        CPU0: 0 P1 8 P2 14 P3 22 P1 38 P3 50 P1 56
        proc    arrive cpu io done  turn  wait resp switch stall
        P1           0  30  0   56    56    26    0      0     0
        P2           0   6  0   14    14     8    8      0     0
        P3          10  20  0   50    40    20    4      0     0
        average                    36.67 18.00 4.00
        throughput 3/56 = 0.05 per tick, utilisation 100.00%, context switches 5, switch ticks 0, stall ticks 0
        ",
    );
}
