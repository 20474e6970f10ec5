//! One test per line of `docs/semantics.md`: each convention's default, its switch, and the
//! worked example, as answer-key snapshots. The doc names the test next to each line.

mod common;

use common::check;
use proclab_core::presets::{preset, prioritised, process, threaded};
use proclab_core::spec::{
    EntryOrder, IoCompletion, IoDevices, PickOrder, QueueTopology, RequeueOrder, ThreadModel,
};
use proclab_core::{
    simulate, MachineSpec, PolicySpec, ProcessSpec, QueueSpec, Scenario, ScenarioSpec,
};

fn workload(processes: Vec<ProcessSpec>, policy: PolicySpec) -> ScenarioSpec {
    ScenarioSpec {
        processes,
        policy,
        ..ScenarioSpec::default()
    }
}

fn preset_spec(id: &str) -> ScenarioSpec {
    preset(id).unwrap_or_else(|| panic!("no preset {id}")).spec
}

// --- Time and simultaneous events -------------------------------------------------------------

#[test]
fn rr_expiry_at_an_arrival_tick_requeues_after_the_arrival_by_default() {
    check(
        workload(
            vec![process("P1", 0, &[4]), process("P2", 2, &[2])],
            PolicySpec::Rr { quantum: 2 },
        ),
        r"
            CPU0: 0 P1 2 P2 4 P1 6
            proc    arrive cpu io done turn wait resp switch stall
            P1           0   4  0    6    6    2    0      0     0
            P2           2   2  0    4    2    0    0      0     0
            average                    4.00 1.00 0.00
            throughput 2/6 = 0.33 per tick, utilisation 100.00%, context switches 2, switch ticks 0, stall ticks 0
            ",
    );
}

#[test]
fn rr_expiry_at_an_arrival_tick_can_requeue_before_the_arrival() {
    let mut spec = workload(
        vec![process("P1", 0, &[4]), process("P2", 2, &[2])],
        PolicySpec::Rr { quantum: 2 },
    );
    spec.conventions.requeue_order = RequeueOrder::BeforeArrivals;
    check(
        spec,
        r"
            CPU0: 0 P1 4 P2 6
            proc    arrive cpu io done turn wait resp switch stall
            P1           0   4  0    4    4    0    0      0     0
            P2           2   2  0    6    4    2    2      0     0
            average                    4.00 1.00 1.00
            throughput 2/6 = 0.33 per tick, utilisation 100.00%, context switches 1, switch ticks 0, stall ticks 0
            ",
    );
}

#[test]
fn io_completions_enter_the_ready_queue_before_same_tick_arrivals_by_default() {
    // P1 finishes its I/O at 3, exactly when P2 arrives; P3 holds the CPU until 5.
    let jobs = vec![
        process("P1", 0, &[1, 2, 2]),
        process("P3", 1, &[4]),
        process("P2", 3, &[2]),
    ];
    check(
        workload(jobs.clone(), PolicySpec::Fcfs),
        r"
            CPU0: 0 P1 1 P3 5 P1 7 P2 9
            proc    arrive cpu io done turn wait resp switch stall
            P1           0   3  2    7    7    2    0      0     0
            P3           1   4  0    5    4    0    0      0     0
            P2           3   2  0    9    6    4    4      0     0
            average                    5.67 2.00 1.33
            throughput 3/9 = 0.33 per tick, utilisation 100.00%, context switches 3, switch ticks 0, stall ticks 0
            ",
    );
    let mut spec = workload(jobs, PolicySpec::Fcfs);
    spec.conventions.entry_order = EntryOrder::ArrivalsThenIo;
    check(
        spec,
        r"
            CPU0: 0 P1 1 P3 5 P2 7 P1 9
            proc    arrive cpu io done turn wait resp switch stall
            P1           0   3  2    9    9    4    0      0     0
            P3           1   4  0    5    4    0    0      0     0
            P2           3   2  0    7    4    2    2      0     0
            average                    5.67 2.00 0.67
            throughput 3/9 = 0.33 per tick, utilisation 100.00%, context switches 3, switch ticks 0, stall ticks 0
            ",
    );
}

// --- Choosing among ready processes -----------------------------------------------------------

#[test]
fn ties_go_to_the_earlier_ready_entry_then_the_lower_id() {
    // Equal bursts: P2 entered the ready queue first (arrival 0), then P1 and P3 at 1 in id order.
    check(
        workload(
            vec![
                process("P0", 0, &[2]),
                process("P1", 1, &[3]),
                process("P2", 0, &[3]),
                process("P3", 1, &[3]),
            ],
            PolicySpec::Sjf { prediction: None },
        ),
        r"
            CPU0: 0 P0 2 P2 5 P1 8 P3 11
            proc    arrive cpu io done turn wait resp switch stall
            P0           0   2  0    2    2    0    0      0     0
            P1           1   3  0    8    7    4    4      0     0
            P2           0   3  0    5    5    2    2      0     0
            P3           1   3  0   11   10    7    7      0     0
            average                    6.00 3.25 3.25
            throughput 4/11 = 0.36 per tick, utilisation 100.00%, context switches 3, switch ticks 0, stall ticks 0
            ",
    );
}

#[test]
fn an_equal_remaining_time_never_preempts() {
    check(
        workload(
            vec![process("P1", 0, &[6]), process("P2", 2, &[4])],
            PolicySpec::Srtf,
        ),
        r"
            CPU0: 0 P1 6 P2 10
            proc    arrive cpu io done turn wait resp switch stall
            P1           0   6  0    6    6    0    0      0     0
            P2           2   4  0   10    8    4    4      0     0
            average                    7.00 2.00 2.00
            throughput 2/10 = 0.20 per tick, utilisation 100.00%, context switches 1, switch ticks 0, stall ticks 0
            ",
    );
}

#[test]
fn lower_priority_number_is_higher_by_default_and_switchable() {
    let jobs = vec![prioritised("P1", 0, 1, &[3]), prioritised("P2", 0, 5, &[3])];
    check(
        workload(
            jobs.clone(),
            PolicySpec::Priority {
                preemptive: false,
                aging_every: None,
                lower_is_higher: true,
            },
        ),
        r"
            CPU0: 0 P1 3 P2 6
            proc    arrive cpu io done turn wait resp switch stall
            P1           0   3  0    3    3    0    0      0     0
            P2           0   3  0    6    6    3    3      0     0
            average                    4.50 1.50 1.50
            throughput 2/6 = 0.33 per tick, utilisation 100.00%, context switches 1, switch ticks 0, stall ticks 0
            ",
    );
    check(
        workload(
            jobs,
            PolicySpec::Priority {
                preemptive: false,
                aging_every: None,
                lower_is_higher: false,
            },
        ),
        r"
            CPU0: 0 P2 3 P1 6
            proc    arrive cpu io done turn wait resp switch stall
            P1           0   3  0    6    6    3    3      0     0
            P2           0   3  0    3    3    0    0      0     0
            average                    4.50 1.50 1.50
            throughput 2/6 = 0.33 per tick, utilisation 100.00%, context switches 1, switch ticks 0, stall ticks 0
            ",
    );
}

#[test]
fn aging_lets_a_starving_process_run() {
    check(
        preset_spec("priority-starvation"),
        r"
            CPU0: 0 H1 4 H2 8 H3 12 H4 16 H5 20 H6 24 H7 28 H8 32 Low 38
            proc    arrive cpu io done turn wait resp switch stall
            Low          0   6  0   38   38   32   32      0     0
            H1           0   4  0    4    4    0    0      0     0
            H2           4   4  0    8    4    0    0      0     0
            H3           8   4  0   12    4    0    0      0     0
            H4          12   4  0   16    4    0    0      0     0
            H5          16   4  0   20    4    0    0      0     0
            H6          20   4  0   24    4    0    0      0     0
            H7          24   4  0   28    4    0    0      0     0
            H8          28   4  0   32    4    0    0      0     0
            average                    7.78 3.56 3.56
            throughput 9/38 = 0.24 per tick, utilisation 100.00%, context switches 8, switch ticks 0, stall ticks 0
            ",
    );
    check(
        preset_spec("priority-aging"),
        r"
            CPU0: 0 H1 4 H2 8 H3 12 H4 16 Low 18 H5 22 H6 26 H7 30 H8 34 Low 38
            proc    arrive cpu io done turn wait resp switch stall
            Low          0   6  0   38   38   32   16      0     0
            H1           0   4  0    4    4    0    0      0     0
            H2           4   4  0    8    4    0    0      0     0
            H3           8   4  0   12    4    0    0      0     0
            H4          12   4  0   16    4    0    0      0     0
            H5          16   4  0   22    6    2    2      0     0
            H6          20   4  0   26    6    2    2      0     0
            H7          24   4  0   30    6    2    2      0     0
            H8          28   4  0   34    6    2    2      0     0
            average                    8.67 4.44 2.67
            throughput 9/38 = 0.24 per tick, utilisation 100.00%, context switches 9, switch ticks 0, stall ticks 0
            ",
    );
}

#[test]
fn sjf_prediction_follows_the_exponential_average() {
    let spec = workload(
        vec![process("P1", 0, &[6, 1, 4, 1, 6])],
        PolicySpec::Sjf {
            prediction: Some(proclab_core::PredictionSpec {
                alpha_percent: 50,
                tau0: 10,
            }),
        },
    );
    let run = simulate(&Scenario::new(&spec).unwrap());
    // tau1 = (6 + 10) / 2 = 8; tau2 = (4 + 8) / 2 = 6 (in thousandths of a tick).
    let predictions: Vec<Option<u64>> = [0, 7, 12]
        .iter()
        .map(|tick| run.state_at(*tick).threads[0].predicted_milli)
        .collect();
    assert_eq!(predictions, vec![Some(10_000), Some(8_000), Some(6_000)]);
}

#[test]
fn hrrn_picks_the_highest_response_ratio_by_integer_cross_multiplication() {
    check(
        preset_spec("hrrn"),
        r"
            CPU0: 0 P1 3 P2 9 P3 13 P5 15 P4 20
            proc    arrive cpu io done turn wait resp switch stall
            P1           0   3  0    3    3    0    0      0     0
            P2           2   6  0    9    7    1    1      0     0
            P3           4   4  0   13    9    5    5      0     0
            P4           6   5  0   20   14    9    9      0     0
            P5           8   2  0   15    7    5    5      0     0
            average                    8.00 4.00 4.00
            throughput 5/20 = 0.25 per tick, utilisation 100.00%, context switches 4, switch ticks 0, stall ticks 0
            ",
    );
}

#[test]
fn mlq_higher_queue_preempts_and_the_victim_resumes_first_with_its_quantum() {
    let mut low = process("Low", 0, &[6]);
    low.class = 1;
    let mut other = process("Other", 0, &[2]);
    other.class = 1;
    let high = process("High", 1, &[2]);
    check(
        workload(
            vec![low, other, high],
            PolicySpec::Mlq {
                queues: vec![QueueSpec::Fcfs, QueueSpec::Rr { quantum: 3 }],
            },
        ),
        r"
            CPU0: 0 Low 1 High 3 Low 5 Other 7 Low 10
            proc    arrive cpu io done turn wait resp switch stall
            Low          0   6  0   10   10    4    0      0     0
            Other        0   2  0    7    7    5    5      0     0
            High         1   2  0    3    2    0    0      0     0
            average                    6.33 3.00 1.67
            throughput 3/10 = 0.30 per tick, utilisation 100.00%, context switches 4, switch ticks 0, stall ticks 0
            ",
    );
}

#[test]
fn mlfq_old_rule_4_can_be_gamed_and_the_new_rule_cannot() {
    check(
        preset_spec("mlfq-gaming-old-rule-4"),
        r"
            CPU0: 0 Honest 10 Gamer 19 Honest 20 Gamer 29 Honest 30 Gamer 39 Honest 40 Gamer 49 Honest 50 Gamer 59 Honest 60 Gamer 69 Honest 70 Gamer 79 Honest 163
            proc    arrive cpu io done   turn  wait resp switch stall
            Honest       0 100  0  163    163    63    0      0     0
            Gamer        0  63  6   79     79    10   10      0     0
            average                    121.00 36.50 5.00
            throughput 2/163 = 0.01 per tick, utilisation 100.00%, context switches 14, switch ticks 0, stall ticks 0
            ",
    );
    check(
        preset_spec("mlfq-gaming-new-rule-4"),
        r"
            CPU0: 0 Honest 10 Gamer 19 Honest 20 Gamer 21 Honest 30 Gamer 38 Honest 39 Gamer 41 Honest 50 Gamer 57 Honest 67 Gamer 70 Honest 80 Gamer 86 Honest 96 Gamer 100 Honest 110 Gamer 115 Honest 125 Gamer 130 Honest 140 Gamer 144 Honest 154 Gamer 163
            proc    arrive cpu io done   turn  wait resp switch stall
            Honest       0 100  0  154    154    54    0      0     0
            Gamer        0  63  6  163    163    94   10      0     0
            average                    158.50 74.00 5.00
            throughput 2/163 = 0.01 per tick, utilisation 100.00%, context switches 23, switch ticks 0, stall ticks 0
            ",
    );
}

#[test]
fn mlfq_boost_rescues_a_starving_long_job() {
    // OSTEP's figure 8.5, under the rules it has then (old rules 4a/4b). The expected runs are
    // OSTEP `mlfq.py`'s: `-l 0,150,0:100,40,5:100,40,5 -n 3 -q 10 -i 5 -S -c`, then with `-B 50`
    // (turnarounds 230, 75, 80, then 230, 95, 100; average response 1.67, then 8.33).
    check(
        preset_spec("mlfq-ostep-no-boost"),
        r"
            CPU0: 0 A 100 B 105 C 110 B 115 C 120 B 125 C 130 B 135 C 140 B 145 C 150 B 155 C 160 B 165 C 170 B 175 C 180 A 230
            proc    arrive cpu io done   turn  wait resp switch stall
            A            0 150  0  230    230    80    0      0     0
            B          100  40 35  175     75     0    0      0     0
            C          100  40 35  180     80     5    5      0     0
            average                    128.33 28.33 1.67
            throughput 3/230 = 0.01 per tick, utilisation 100.00%, context switches 17, switch ticks 0, stall ticks 0
            ",
    );
    check(
        preset_spec("mlfq-ostep-boost"),
        r"
            CPU0: 0 A 110 B 115 C 120 B 125 C 130 B 135 C 140 B 145 C 150 A 160 B 165 C 170 B 175 C 180 B 185 C 190 B 195 C 200 A 230
            proc    arrive cpu io done   turn  wait resp switch stall
            A            0 150  0  230    230    80    0      0     0
            B          100  40 35  195     95    20   10      0     0
            C          100  40 35  200    100    25   15      0     0
            average                    141.67 41.67 8.33
            throughput 3/230 = 0.01 per tick, utilisation 100.00%, context switches 18, switch ticks 0, stall ticks 0
            ",
    );
}

#[test]
fn lottery_draws_are_reproducible() {
    let spec = preset_spec("lottery");
    let scenario = Scenario::new(&spec).unwrap();
    assert_eq!(simulate(&scenario).events(), simulate(&scenario).events());
    check(
        spec,
        r"
            CPU0: 0 A 3 B 4 A 5 B 7 A 16 B 17 A 19 B 20 A 27 B 28 A 33 B 34 A 35 B 36 A 42 B 43 A 44 B 46 A 48 B 49 A 51 B 52 A 53 B 80
            proc    arrive cpu io done  turn  wait resp switch stall
            A            0  40  0   53    53    13    0      0     0
            B            0  40  0   80    80    40    3      0     0
            average                    66.50 26.50 1.50
            throughput 2/80 = 0.03 per tick, utilisation 100.00%, context switches 23, switch ticks 0, stall ticks 0
            ",
    );
}

// --- Blocking and I/O -------------------------------------------------------------------------

#[test]
fn io_completion_requeues_at_the_tail_by_default_or_takes_the_cpu() {
    let jobs = vec![process("P1", 0, &[1, 2, 1]), process("P2", 0, &[5])];
    check(
        workload(jobs.clone(), PolicySpec::Fcfs),
        r"
            CPU0: 0 P1 1 P2 6 P1 7
            proc    arrive cpu io done turn wait resp switch stall
            P1           0   2  2    7    7    3    0      0     0
            P2           0   5  0    6    6    1    1      0     0
            average                    6.50 2.00 0.50
            throughput 2/7 = 0.29 per tick, utilisation 100.00%, context switches 2, switch ticks 0, stall ticks 0
            ",
    );
    let mut spec = workload(jobs, PolicySpec::Fcfs);
    spec.conventions.io_completion = IoCompletion::Preempt;
    check(
        spec,
        r"
            CPU0: 0 P1 1 P2 3 P1 4 P2 7
            proc    arrive cpu io done turn wait resp switch stall
            P1           0   2  2    4    4    0    0      0     0
            P2           0   5  0    7    7    2    1      0     0
            average                    5.50 1.00 0.50
            throughput 2/7 = 0.29 per tick, utilisation 100.00%, context switches 3, switch ticks 0, stall ticks 0
            ",
    );
}

#[test]
fn a_single_fifo_device_queues_requests() {
    let jobs = vec![process("P1", 0, &[1, 4, 1]), process("P2", 0, &[1, 4, 1])];
    check(
        workload(jobs.clone(), PolicySpec::Fcfs),
        r"
            CPU0: 0 P1 1 P2 2 - 5 P1 6 P2 7
            proc    arrive cpu io done turn wait resp switch stall
            P1           0   2  4    6    6    0    0      0     0
            P2           0   2  4    7    7    1    1      0     0
            average                    6.50 0.50 0.50
            throughput 2/7 = 0.29 per tick, utilisation 57.14%, context switches 3, switch ticks 0, stall ticks 0
            ",
    );
    let mut spec = workload(jobs, PolicySpec::Fcfs);
    spec.conventions.io_devices = IoDevices::SingleFifo;
    check(
        spec,
        r"
            CPU0: 0 P1 1 P2 2 - 5 P1 6 - 9 P2 10
            proc    arrive cpu io done turn wait resp switch stall
            P1           0   2  4    6    6    0    0      0     0
            P2           0   2  7   10   10    1    1      0     0
            average                    8.00 0.50 0.50
            throughput 2/10 = 0.20 per tick, utilisation 40.00%, context switches 3, switch ticks 0, stall ticks 0
            ",
    );
}

#[test]
fn uniprogramming_holds_the_cpu_during_io_and_cyclic_scan_picks_by_id() {
    let mut spec = workload(
        vec![
            process("P1", 0, &[2, 3, 1]),
            process("P2", 0, &[2]),
            process("P3", 0, &[1]),
        ],
        PolicySpec::Fcfs,
    );
    spec.conventions.hold_cpu_during_io = true;
    spec.conventions.pick_order = PickOrder::CyclicScan;
    check(
        spec,
        r"
            CPU0: 0 P1 2 - 5 P1 6 P2 8 P3 9
            proc    arrive cpu io done turn wait resp switch stall
            P1           0   3  3    6    6    0    0      0     0
            P2           0   2  0    8    8    6    6      0     0
            P3           0   1  0    9    9    8    8      0     0
            average                    7.67 4.67 4.67
            throughput 3/9 = 0.33 per tick, utilisation 66.67%, context switches 2, switch ticks 0, stall ticks 0
            ",
    );
}

// --- Costs of switching -----------------------------------------------------------------------

#[test]
fn dispatch_latency_is_paid_whenever_a_cpu_changes_thread() {
    let mut spec = workload(
        vec![
            process("P1", 0, &[3]),
            process("P2", 0, &[2]),
            process("P3", 9, &[1]),
        ],
        PolicySpec::Fcfs,
    );
    spec.machine.dispatch_latency = 2;
    check(
        spec,
        r"
            CPU0: 0 P1 3 CS 5 P2 7 - 9 CS 11 P3 12
            proc    arrive cpu io done turn wait resp switch stall
            P1           0   3  0    3    3    0    0      0     0
            P2           0   2  0    7    7    3    5      2     0
            P3           9   1  0   12    3    0    2      2     0
            average                    4.33 1.00 2.33
            throughput 3/12 = 0.25 per tick, utilisation 50.00%, context switches 2, switch ticks 4, stall ticks 0
            ",
    );
}

#[test]
fn a_thread_switch_costs_less_than_a_process_switch() {
    check(
        preset_spec("switch-processes"),
        r"
            CPU0: 0 $P1 2 P1 4 CS 7 $P2 9 P2 11 CS 14 $P3 16 P3 18 CS 21 $P4 23 P4 25 CS 28 $P1 30 P1 32 CS 35 $P2 37 P2 39 CS 42 $P3 44 P3 46 CS 49 $P4 51 P4 53 CS 56 $P1 58 P1 60 CS 63 $P2 65 P2 67 CS 70 $P3 72 P3 74 CS 77 $P4 79 P4 81 CS 84 $P1 86 P1 88 CS 91 $P2 93 P2 95 CS 98 $P3 100 P3 102 CS 105 $P4 107 P4 109
            proc    arrive cpu io done  turn  wait  resp switch stall
            P1           0   8  0   88    88    63     2      9     8
            P2           0   8  0   95    95    67     9     12     8
            P3           0   8  0  102   102    74    16     12     8
            P4           0   8  0  109   109    81    23     12     8
            average                    98.50 71.25 12.50
            throughput 4/109 = 0.04 per tick, utilisation 29.36%, context switches 15, switch ticks 45, stall ticks 32
            cache: 32 of 32 units refilled cold, 0.00% warm
            ",
    );
    check(
        preset_spec("switch-threads"),
        r"
            CPU0: 0 $P1.T1 2 P1.T1 4 CS 5 $P1.T2 6 P1.T2 8 CS 9 $P1.T3 10 P1.T3 12 CS 13 $P1.T4 14 P1.T4 16 CS 17 P1.T1 19 CS 20 P1.T2 22 CS 23 P1.T3 25 CS 26 P1.T4 28 CS 29 P1.T1 31 CS 32 P1.T2 34 CS 35 P1.T3 37 CS 38 P1.T4 40 CS 41 P1.T1 43 CS 44 P1.T2 46 CS 47 P1.T3 49 CS 50 P1.T4 52
            proc    arrive cpu io done  turn   wait resp switch stall
            P1.T1        0   8  0   43    43     30    2      3     2
            P1.T2        0   8  0   46    46     33    6      4     1
            P1.T3        0   8  0   49    49     36   10      4     1
            P1.T4        0   8  0   52    52     39   14      4     1
            P1           0  32  0   52    52    138    2     15     5
            average                    52.00 138.00 2.00
            throughput 1/52 = 0.02 per tick, utilisation 61.54%, context switches 15, switch ticks 15, stall ticks 5
            cache: 5 of 32 units refilled cold, 84.38% warm
            ",
    );
}

#[test]
fn a_cold_cache_stalls_in_proportion_to_the_cold_units() {
    let mut spec = workload(
        vec![
            ProcessSpec {
                working_set: 3,
                ..process("A", 0, &[2, 1, 2])
            },
            ProcessSpec {
                working_set: 5,
                ..process("B", 0, &[2])
            },
        ],
        PolicySpec::Fcfs,
    );
    spec.machine.cache.enabled = true;
    spec.machine.cache.capacity = 6;
    check(
        spec,
        r"
            CPU0: 0 $A 4 A 6 $B 12 B 14 $A 18 A 20
            proc    arrive cpu io done  turn wait resp switch stall
            A            0   4  1   20    20    7    4      0     8
            B            0   2  0   14    14    6   12      0     6
            average                    17.00 6.50 8.00
            throughput 2/20 = 0.10 per tick, utilisation 30.00%, context switches 2, switch ticks 0, stall ticks 14
            cache: 14 of 14 units refilled cold, 0.00% warm
            ",
    );
}

#[test]
fn affinity_sends_threads_back_to_their_warm_cpu() {
    check(
        preset_spec("affinity-off"),
        r"
            CPU0: 0 $A 5 A 8 CS 9 $C 14 C 17 CS 18 $B 23 B 26 CS 27 $A 32 A 35 CS 36 $C 41 C 44 CS 45 $B 50 B 53
            CPU1: 0 $B 5 B 8 CS 9 $A 14 A 17 CS 18 $C 23 C 26 CS 27 $B 32 B 35 CS 36 $A 41 A 44 CS 45 $C 50 C 53
            proc    arrive cpu io done  turn  wait resp switch stall
            A            0  12  0   44    44     9    5      3    20
            B            0  12  0   53    53    18    5      3    20
            C            0  12  0   53    53    17   14      4    20
            average                    50.00 14.67 8.00
            throughput 3/53 = 0.06 per tick, utilisation 33.96%, context switches 10, switch ticks 10, stall ticks 60
            cache: 60 of 60 units refilled cold, 0.00% warm
            ",
    );
    check(
        preset_spec("affinity-on"),
        r"
            CPU0: 0 $A 5 A 11 CS 12 $B 17 B 20 CS 21 $C 26 C 29 CS 30 $A 35 A 38 CS 39 $B 44 B 47
            CPU1: 0 $B 5 B 8 CS 9 $C 14 C 17 CS 18 $A 23 A 26 CS 27 $B 32 B 35 CS 36 $C 41 C 47
            proc    arrive cpu io done  turn  wait resp switch stall
            A            0  12  0   38    38     9    5      2    15
            B            0  12  0   47    47    12    5      3    20
            C            0  12  0   47    47    17   14      3    15
            average                    44.00 12.67 8.00
            throughput 3/47 = 0.06 per tick, utilisation 38.30%, context switches 8, switch ticks 8, stall ticks 50
            cache: 50 of 60 units refilled cold, 16.67% warm
            ",
    );
}

#[test]
fn a_blocking_user_level_thread_blocks_its_whole_process() {
    check(
        preset_spec("threads-user-level"),
        r"
            CPU0: 0 P1.T1 4 P2 12 P1.T1 16 P2 18 P1.T2 22 - 28 P1.T2 32 P1.T3 36 - 42 P1.T3 46
            proc    arrive cpu io done  turn  wait resp switch stall
            P1.T1        0   8  6   16    16     2    0      0     0
            P1.T2        0   8  6   32    32    18   18      0     0
            P1.T3        0   8  6   46    46    32   32      0     0
            P1           0  24 18   46    46    52    0      0     0
            P2           0  10  0   18    18     8    4      0     0
            average                    32.00 30.00 2.00
            throughput 2/46 = 0.04 per tick, utilisation 73.91%, context switches 5, switch ticks 0, stall ticks 0
            ",
    );
    check(
        preset_spec("threads-kernel-level"),
        r"
            CPU0: 0 P1.T1 4 P1.T2 8 P1.T3 12 P2 16 P1.T1 20 P1.T2 24 P2 28 P1.T3 32 P2 34
            proc    arrive cpu io done  turn  wait resp switch stall
            P1.T1        0   8  6   20    20     6    0      0     0
            P1.T2        0   8  6   24    24    10    4      0     0
            P1.T3        0   8  6   32    32    18    8      0     0
            P1           0  24 18   32    32    34    0      0     0
            P2           0  10  0   34    34    24   12      0     0
            average                    33.00 29.00 6.00
            throughput 2/34 = 0.06 per tick, utilisation 100.00%, context switches 8, switch ticks 0, stall ticks 0
            ",
    );
}

#[test]
fn several_cpus_run_threads_in_parallel() {
    check(
        preset_spec("cpus-1"),
        r"
            CPU0: 0 P1.T1 4 CS 5 P1.T2 9 CS 10 P1.T3 14 CS 15 P1.T4 19 CS 20 P1.T1 24 CS 25 P1.T2 29 CS 30 P1.T3 34 CS 35 P1.T4 39
            proc    arrive cpu io done  turn  wait resp switch stall
            P1.T1        0   8  0   24    24    15    0      1     0
            P1.T2        0   8  0   29    29    19    5      2     0
            P1.T3        0   8  0   34    34    24   10      2     0
            P1.T4        0   8  0   39    39    29   15      2     0
            P1           0  32  0   39    39    87    0      7     0
            average                    39.00 87.00 0.00
            throughput 1/39 = 0.03 per tick, utilisation 82.05%, context switches 7, switch ticks 7, stall ticks 0
            ",
    );
    check(
        preset_spec("cpus-2"),
        r"
            CPU0: 0 P1.T1 4 CS 5 P1.T3 9 CS 10 P1.T1 14 CS 15 P1.T3 19
            CPU1: 0 P1.T2 4 CS 5 P1.T4 9 CS 10 P1.T2 14 CS 15 P1.T4 19
            proc    arrive cpu io done  turn  wait resp switch stall
            P1.T1        0   8  0   14    14     5    0      1     0
            P1.T2        0   8  0   14    14     5    0      1     0
            P1.T3        0   8  0   19    19     9    5      2     0
            P1.T4        0   8  0   19    19     9    5      2     0
            P1           0  32  0   19    19    28    0      6     0
            average                    19.00 28.00 0.00
            throughput 1/19 = 0.05 per tick, utilisation 84.21%, context switches 6, switch ticks 6, stall ticks 0
            ",
    );
    check(
        preset_spec("cpus-4"),
        r"
            CPU0: 0 P1.T1 8
            CPU1: 0 P1.T2 8
            CPU2: 0 P1.T3 8
            CPU3: 0 P1.T4 8
            proc    arrive cpu io done turn wait resp switch stall
            P1.T1        0   8  0    8    8    0    0      0     0
            P1.T2        0   8  0    8    8    0    0      0     0
            P1.T3        0   8  0    8    8    0    0      0     0
            P1.T4        0   8  0    8    8    0    0      0     0
            P1           0  32  0    8    8    0    0      0     0
            average                    8.00 0.00 0.00
            throughput 1/8 = 0.13 per tick, utilisation 100.00%, context switches 0, switch ticks 0, stall ticks 0
            ",
    );
}

#[test]
fn free_cpus_are_filled_in_index_order_and_the_worst_runner_is_preempted() {
    let mut spec = workload(
        vec![
            prioritised("P1", 0, 3, &[6]),
            prioritised("P2", 0, 5, &[6]),
            prioritised("P3", 2, 1, &[2]),
        ],
        PolicySpec::Priority {
            preemptive: true,
            aging_every: None,
            lower_is_higher: true,
        },
    );
    spec.machine = MachineSpec {
        cpus: 2,
        ..MachineSpec::default()
    };
    check(
        spec,
        r"
            CPU0: 0 P1 6 - 8
            CPU1: 0 P2 2 P3 4 P2 8
            proc    arrive cpu io done turn wait resp switch stall
            P1           0   6  0    6    6    0    0      0     0
            P2           0   6  0    8    8    2    0      0     0
            P3           2   2  0    4    2    0    0      0     0
            average                    5.33 0.67 0.00
            throughput 3/8 = 0.38 per tick, utilisation 87.50%, context switches 2, switch ticks 0, stall ticks 0
            ",
    );
}

#[test]
fn thread_models_and_topologies_default_to_kernel_and_shared() {
    let machine = MachineSpec::default();
    assert_eq!(machine.thread_model, ThreadModel::Kernel);
    assert_eq!(machine.topology, QueueTopology::Shared);
    let spec = workload(vec![threaded("P1", 0, &[&[2], &[2]])], PolicySpec::Fcfs);
    check(
        spec,
        r"
            CPU0: 0 P1.T1 2 P1.T2 4
            proc    arrive cpu io done turn wait resp switch stall
            P1.T1        0   2  0    2    2    0    0      0     0
            P1.T2        0   2  0    4    4    2    2      0     0
            P1           0   4  0    4    4    2    0      0     0
            average                    4.00 2.00 0.00
            throughput 1/4 = 0.25 per tick, utilisation 100.00%, context switches 1, switch ticks 0, stall ticks 0
            ",
    );
}

// --- Per-CPU ready queues ----------------------------------------------------------------------

fn on_cpus(mut spec: ScenarioSpec, cpus: u32, topology: QueueTopology) -> ScenarioSpec {
    spec.machine = MachineSpec {
        cpus,
        topology,
        ..MachineSpec::default()
    };
    spec
}

#[test]
fn per_cpu_new_threads_join_the_shortest_queue() {
    // At 0: P1 -> CPU0, P2 -> CPU1, P3 -> CPU0 (one each, lowest index). At 1, P4 joins CPU1's
    // empty queue and runs at 4, before P3 which arrived earlier; at 6 CPU1 has nothing left and
    // steals P3 from CPU0's queue (a migration).
    check(
        on_cpus(
            workload(
                vec![
                    process("P1", 0, &[10]),
                    process("P2", 0, &[4]),
                    process("P3", 0, &[2]),
                    process("P4", 1, &[2]),
                ],
                PolicySpec::Fcfs,
            ),
            2,
            QueueTopology::PerCpu,
        ),
        r"
            CPU0: 0 P1 10
            CPU1: 0 P2 4 P4 6 P3 8 - 10
            proc    arrive cpu io done turn wait resp switch stall
            P1           0  10  0   10   10    0    0      0     0
            P2           0   4  0    4    4    0    0      0     0
            P3           0   2  0    8    8    6    6      0     0
            P4           1   2  0    6    5    3    3      0     0
            average                    6.75 2.25 2.25
            throughput 4/10 = 0.40 per tick, utilisation 90.00%, context switches 2, switch ticks 0, stall ticks 0
            migrations 1 (onto CPU0 0, CPU1 1; of P3 1)
            ",
    );
}

#[test]
fn per_cpu_threads_return_to_the_cpu_they_last_ran_on() {
    // B ran on CPU1 and finishes its I/O at 3. At 4 both CPUs are free: with one shared queue
    // CPU0 takes B (index order); with per-CPU queues B waits in CPU1's queue and runs there.
    // (At 2 CPU1's queue is empty, so it steals A from CPU0's queue: A migrates once.)
    let spec = workload(
        vec![
            process("A", 0, &[4]),
            process("B", 0, &[2, 1, 2]),
            process("C", 0, &[2]),
        ],
        PolicySpec::Rr { quantum: 2 },
    );
    check(
        on_cpus(spec.clone(), 2, QueueTopology::Shared),
        r"
            CPU0: 0 A 2 C 4 B 6
            CPU1: 0 B 2 A 4 - 6
            proc    arrive cpu io done turn wait resp switch stall
            A            0   4  0    4    4    0    0      0     0
            B            0   4  1    6    6    1    0      0     0
            C            0   2  0    4    4    2    2      0     0
            average                    4.67 1.00 0.67
            throughput 3/6 = 0.50 per tick, utilisation 83.33%, context switches 3, switch ticks 0, stall ticks 0
            ",
    );
    check(
        on_cpus(spec, 2, QueueTopology::PerCpu),
        r"
            CPU0: 0 A 2 C 4 - 6
            CPU1: 0 B 2 A 4 B 6
            proc    arrive cpu io done turn wait resp switch stall
            A            0   4  0    4    4    0    0      0     0
            B            0   4  1    6    6    1    0      0     0
            C            0   2  0    4    4    2    2      0     0
            average                    4.67 1.00 0.67
            throughput 3/6 = 0.50 per tick, utilisation 83.33%, context switches 3, switch ticks 0, stall ticks 0
            migrations 1 (onto CPU0 0, CPU1 1; of A 1)
            ",
    );
}

#[test]
fn per_cpu_an_idle_cpu_steals_from_the_longest_queue() {
    // At 0 the seven arrivals fill the queues CPU0 [P4, P7], CPU1 [P5], CPU2 [P6] behind the
    // runners P1, P2, P3. CPU2 empties its queue at 3 and steals P4 (the pick of the longest
    // queue, CPU0's); at 8 CPU0 and CPU1 each hold one, so it steals P7 from CPU0 (lower index).
    // At 10 CPU1 runs P5 from its own queue and CPU0 finds nothing to steal.
    check(
        on_cpus(
            workload(
                vec![
                    process("P1", 0, &[10]),
                    process("P2", 0, &[10]),
                    process("P3", 0, &[2]),
                    process("P4", 0, &[5]),
                    process("P5", 0, &[5]),
                    process("P6", 0, &[1]),
                    process("P7", 0, &[3]),
                ],
                PolicySpec::Fcfs,
            ),
            3,
            QueueTopology::PerCpu,
        ),
        r"
            CPU0: 0 P1 10 - 15
            CPU1: 0 P2 10 P5 15
            CPU2: 0 P3 2 P6 3 P4 8 P7 11 - 15
            proc    arrive cpu io done turn wait resp switch stall
            P1           0  10  0   10   10    0    0      0     0
            P2           0  10  0   10   10    0    0      0     0
            P3           0   2  0    2    2    0    0      0     0
            P4           0   5  0    8    8    3    3      0     0
            P5           0   5  0   15   15   10   10      0     0
            P6           0   1  0    3    3    2    2      0     0
            P7           0   3  0   11   11    8    8      0     0
            average                    8.43 3.29 3.29
            throughput 7/15 = 0.47 per tick, utilisation 80.00%, context switches 4, switch ticks 0, stall ticks 0
            migrations 2 (onto CPU0 0, CPU1 0, CPU2 2; of P4 1, P7 1)
            ",
    );
}

#[test]
fn per_cpu_a_ready_thread_preempts_only_its_own_cpu() {
    // P3 (prio 3) arrives at 2. Shared queue: it preempts the worst runner, P2 (prio 5) on CPU1.
    // Per-CPU queues: both queues are empty and both CPUs busy, so it joins CPU0's queue and
    // cannot beat P1 (prio 2): it waits. P4 (prio 1) arrives at 3, joins CPU1's (shorter) queue
    // and preempts P2 there; P2 stays in CPU1's queue and resumes there at 5.
    let spec = workload(
        vec![
            prioritised("P1", 0, 2, &[6]),
            prioritised("P2", 0, 5, &[6]),
            prioritised("P3", 2, 3, &[2]),
            prioritised("P4", 3, 1, &[2]),
        ],
        PolicySpec::Priority {
            preemptive: true,
            aging_every: None,
            lower_is_higher: true,
        },
    );
    check(
        on_cpus(spec.clone(), 2, QueueTopology::Shared),
        r"
            CPU0: 0 P1 6 P2 10
            CPU1: 0 P2 2 P3 3 P4 5 P3 6 - 10
            proc    arrive cpu io done turn wait resp switch stall
            P1           0   6  0    6    6    0    0      0     0
            P2           0   6  0   10   10    4    0      0     0
            P3           2   2  0    6    4    2    0      0     0
            P4           3   2  0    5    2    0    0      0     0
            average                    5.50 1.50 0.00
            throughput 4/10 = 0.40 per tick, utilisation 80.00%, context switches 4, switch ticks 0, stall ticks 0
            ",
    );
    check(
        on_cpus(spec, 2, QueueTopology::PerCpu),
        r"
            CPU0: 0 P1 6 P3 8
            CPU1: 0 P2 3 P4 5 P2 8
            proc    arrive cpu io done turn wait resp switch stall
            P1           0   6  0    6    6    0    0      0     0
            P2           0   6  0    8    8    2    0      0     0
            P3           2   2  0    8    6    4    4      0     0
            P4           3   2  0    5    2    0    0      0     0
            average                    5.50 1.50 1.00
            throughput 4/8 = 0.50 per tick, utilisation 100.00%, context switches 3, switch ticks 0, stall ticks 0
            migrations 0 (onto CPU0 0, CPU1 0; of none)
            ",
    );
}

#[test]
fn per_cpu_queues_keep_threads_on_their_warm_cpu() {
    // The `affinity-off` / `affinity-on` workload with per-CPU queues: B has CPU1 to itself and
    // never refills; at 17 CPU1 has nothing left and steals C, which starts cold there.
    // Stall 22 ticks instead of 60 (shared) or 50 (affinity), done at 32 instead of 53 or 47.
    check(
        preset_spec("per-cpu-queues"),
        r"
            CPU0: 0 $A 5 A 8 CS 9 $C 14 C 17 CS 18 $A 20 A 29 - 32
            CPU1: 0 $B 5 B 17 CS 18 $C 23 C 32
            proc    arrive cpu io done  turn wait resp switch stall
            A            0  12  0   29    29    9    5      1     7
            B            0  12  0   17    17    0    5      0     5
            C            0  12  0   32    32    8   14      2    10
            average                    26.00 5.67 8.00
            throughput 3/32 = 0.09 per tick, utilisation 56.25%, context switches 3, switch ticks 3, stall ticks 22
            cache: 22 of 60 units refilled cold, 63.33% warm
            migrations 1 (onto CPU0 0, CPU1 1; of C 1)
            ",
    );
}

#[test]
fn per_cpu_peeking_steals_only_at_multiples_of_the_peek_interval() {
    // The workload of `per_cpu_an_idle_cpu_steals_from_the_longest_queue`: CPU2 empties its
    // queue at 3 but steals P4 only at 5, the next multiple of the peek interval; at 10 the other
    // CPUs take their own queues first and nothing is left to steal. With 0 it never steals.
    let workload_with = |peek_interval| {
        let mut spec = on_cpus(
            workload(
                vec![
                    process("P1", 0, &[10]),
                    process("P2", 0, &[10]),
                    process("P3", 0, &[2]),
                    process("P4", 0, &[5]),
                    process("P5", 0, &[5]),
                    process("P6", 0, &[1]),
                    process("P7", 0, &[3]),
                ],
                PolicySpec::Fcfs,
            ),
            3,
            QueueTopology::PerCpu,
        );
        spec.machine.peek_interval = Some(peek_interval);
        proclab_core::render::gantt_lines(&simulate(&Scenario::new(&spec).unwrap()))
    };
    assert_eq!(
        workload_with(5),
        "CPU0: 0 P1 10 P7 13 - 15\nCPU1: 0 P2 10 P5 15\nCPU2: 0 P3 2 P6 3 - 5 P4 10 - 15\n"
    );
    assert_eq!(
        workload_with(0),
        "CPU0: 0 P1 10 P4 15 P7 18\nCPU1: 0 P2 10 P5 15 - 18\nCPU2: 0 P3 2 P6 3 - 18\n"
    );
}

// --- Hard affinity ------------------------------------------------------------------------------

#[test]
fn hard_affinity_a_cpu_takes_the_first_queued_thread_allowed_on_it() {
    // A may run only on CPU1: CPU0 passes over it and takes B; A keeps its place for CPU1.
    let mut spec = on_cpus(
        workload(
            vec![
                ProcessSpec {
                    cpus: vec![1],
                    ..process("A", 0, &[4])
                },
                process("B", 0, &[3]),
                process("C", 0, &[3]),
            ],
            PolicySpec::Fcfs,
        ),
        2,
        QueueTopology::Shared,
    );
    assert_eq!(gantt(&spec), "CPU0: 0 B 3 C 6\nCPU1: 0 A 4 - 6\n");
    spec.processes[0].cpus.clear();
    assert_eq!(gantt(&spec), "CPU0: 0 A 4 - 6\nCPU1: 0 B 3 C 6\n");
}

#[test]
fn hard_affinity_with_a_schedule_uses_up_an_entry_whose_thread_may_not_run_on_the_cpu_being_filled()
{
    // A may run only on CPU1. Schedule A, B, A, B, B, A on 2 CPUs, CPU by CPU each tick. At 0
    // CPU0 uses up A's entry (not allowed there) and runs B; CPU1 runs A. At 1 CPU0 runs B; CPU1
    // uses up B's entry (B runs on CPU0) and runs A. Both are done at 2.
    let mut spec = on_cpus(
        workload(
            vec![
                ProcessSpec {
                    cpus: vec![1],
                    ..process("A", 0, &[2])
                },
                process("B", 0, &[2]),
            ],
            PolicySpec::Fcfs,
        ),
        2,
        QueueTopology::Shared,
    );
    spec.schedule = Some(proclab_core::ScheduleSpec {
        threads: vec![0, 1, 0, 1, 1, 0],
        repeat: false,
    });
    assert_eq!(gantt(&spec), "CPU0: 0 B 2\nCPU1: 0 A 2\n");
    // Without the list A takes CPU0 at its first entry and B CPU1: A, B, A, B.
    spec.processes[0].cpus.clear();
    assert_eq!(gantt(&spec), "CPU0: 0 A 2\nCPU1: 0 B 2\n");
}

#[test]
fn hard_affinity_places_and_steals_only_within_a_threads_cpus() {
    // Per-CPU queues: B may run only on CPU0, so it joins CPU0's queue behind A although CPU1's
    // is shorter, and CPU1, idle from 2, may not steal it.
    let mut spec = on_cpus(
        workload(
            vec![
                process("A", 0, &[5]),
                ProcessSpec {
                    cpus: vec![0],
                    ..process("B", 0, &[5])
                },
                process("C", 0, &[2]),
            ],
            PolicySpec::Fcfs,
        ),
        2,
        QueueTopology::PerCpu,
    );
    assert_eq!(gantt(&spec), "CPU0: 0 A 5 B 10\nCPU1: 0 C 2 - 10\n");
    spec.processes[1].cpus.clear();
    // Unpinned, B joins the shorter queue, CPU1's, and C the first of two equal ones.
    assert_eq!(gantt(&spec), "CPU0: 0 A 5 C 7\nCPU1: 0 B 5 - 7\n");
}

#[test]
fn hard_affinity_a_ready_thread_preempts_only_a_cpu_it_may_run_on() {
    // Preemptive priority, 2 CPUs: P3 (prio 1) arriving at 2 would preempt the worst runner, P2
    // (prio 5) on CPU1; allowed only on CPU0, it preempts P1 (prio 3) there instead, and P1, ready
    // now and allowed anywhere, preempts P2 on CPU1 (the rule repeats, as without CPU lists).
    let mut spec = on_cpus(
        workload(
            vec![
                prioritised("P1", 0, 3, &[6]),
                prioritised("P2", 0, 5, &[6]),
                ProcessSpec {
                    cpus: vec![0],
                    ..prioritised("P3", 2, 1, &[2])
                },
            ],
            PolicySpec::Priority {
                preemptive: true,
                aging_every: None,
                lower_is_higher: true,
            },
        ),
        2,
        QueueTopology::Shared,
    );
    assert_eq!(
        gantt(&spec),
        "CPU0: 0 P1 2 P3 4 P2 8\nCPU1: 0 P2 2 P1 6 - 8\n"
    );
    spec.processes[2].cpus.clear();
    assert_eq!(gantt(&spec), "CPU0: 0 P1 6 - 8\nCPU1: 0 P2 2 P3 4 P2 8\n");
}

/// The Gantt chart of `spec`'s run, a line per CPU (`CPU0: 0 A 4 - 6`).
fn gantt(spec: &ScenarioSpec) -> String {
    proclab_core::render::gantt_lines(&simulate(&Scenario::new(spec).unwrap()))
}
