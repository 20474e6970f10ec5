//! One-line summaries of settings that stay folded away, so the student sees what is in force
//! without opening them.

use crate::draft::{FieldId, MachineDraft};
use crate::lang::Lang;

/// `1 CPU · no switch cost · cache off · kernel threads`, from the machine as typed. A field in
/// `invalid` (its value cannot be used: the run shown is the last valid one) shows as `?`, not as
/// if it were in force.
pub fn machine_summary(machine: &MachineDraft, invalid: &[FieldId], lang: Lang) -> String {
    // A cost left blank is 0, as the run reads it ("context switch  ticks" had said nothing).
    let shown = |field: FieldId, text: &str| -> String {
        match text.trim() {
            _ if invalid.contains(&field) => "?".into(),
            "" => "0".into(),
            text => text.into(),
        }
    };
    let cpus = shown(FieldId::Cpus, &machine.cpus);
    let mut parts = vec![if cpus == "1" {
        lang.pick(["CPU 1개".to_string(), "1 CPU".to_string()])
    } else {
        lang.pick([format!("CPU {cpus}개"), format!("{cpus} CPUs")])
    }];
    let cost = |text: &str| text.trim().is_empty() || text.trim() == "0";
    parts.push(
        match (
            cost(&machine.dispatch_latency),
            cost(&machine.thread_switch_latency),
        ) {
            (true, true) => lang.pick(["전환 비용 없음", "no switch cost"]).to_string(),
            _ => {
                let dispatch = shown(FieldId::DispatchLatency, &machine.dispatch_latency);
                let thread = shown(FieldId::ThreadSwitchLatency, &machine.thread_switch_latency);
                // "(thread 0)" had read as a thread's number: the words say what it costs.
                let unit = if dispatch == "1" { "tick" } else { "ticks" };
                lang.pick([
                    format!("문맥 교환 {dispatch}틱(스레드 사이 {thread}틱)"),
                    format!("context switch {dispatch} {unit}, {thread} between threads"),
                ])
            }
        },
    );
    if !cost(&machine.kernel_entry_cost) {
        let ticks = shown(FieldId::KernelEntryCost, &machine.kernel_entry_cost);
        parts.push(lang.pick([
            format!("커널 진입 {ticks}틱"),
            format!("kernel entry {ticks} ticks"),
        ]));
    }
    parts.push(
        if machine.cache && machine.cache_model == proclab_core::CacheModel::Warmup {
            lang.pick(["예열 캐시 모델", "warm-up cache model"])
        } else if machine.cache {
            lang.pick(["캐시 모델 켬", "cache on"])
        } else {
            lang.pick(["캐시 모델 끔", "cache off"])
        }
        .to_string(),
    );
    parts.push(
        if machine.user_threads {
            lang.pick(["사용자 수준 스레드", "user-level threads"])
        } else {
            lang.pick(["커널 수준 스레드", "kernel-level threads"])
        }
        .to_string(),
    );
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_says_what_is_in_force() {
        let mut machine = MachineDraft::default();
        // A blank cost is 0, as the run reads it.
        let blank = MachineDraft {
            dispatch_latency: String::new(),
            thread_switch_latency: "1".into(),
            ..MachineDraft::default()
        };
        assert_eq!(
            machine_summary(&blank, &[], Lang::Ko),
            "CPU 1개 · 문맥 교환 0틱(스레드 사이 1틱) · 캐시 모델 끔 · 커널 수준 스레드"
        );
        assert_eq!(
            machine_summary(&machine, &[], Lang::En),
            "1 CPU · no switch cost · cache off · kernel-level threads"
        );
        machine.cpus = "4".into();
        machine.dispatch_latency = "2".into();
        machine.cache = true;
        assert_eq!(
            machine_summary(&machine, &[], Lang::Ko),
            "CPU 4개 · 문맥 교환 2틱(스레드 사이 0틱) · 캐시 모델 켬 · 커널 수준 스레드"
        );
        machine.cache_model = proclab_core::CacheModel::Warmup;
        assert!(machine_summary(&machine, &[], Lang::En).contains("warm-up cache model"));
    }

    #[test]
    fn a_value_that_cannot_be_used_is_not_summarised_as_in_force() {
        let machine = MachineDraft {
            cpus: "-1".into(),
            dispatch_latency: "1e9".into(),
            ..MachineDraft::default()
        };
        let invalid = [FieldId::Cpus, FieldId::DispatchLatency];
        assert_eq!(
            machine_summary(&machine, &invalid, Lang::En),
            "? CPUs · context switch ? ticks, 0 between threads · cache off · kernel-level threads"
        );
        assert_eq!(
            machine_summary(&machine, &invalid, Lang::Ko),
            "CPU ?개 · 문맥 교환 ?틱(스레드 사이 0틱) · 캐시 모델 끔 · 커널 수준 스레드"
        );
    }
}
