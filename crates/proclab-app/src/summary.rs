//! One-line summaries of settings that stay folded away, so the student sees what is in force
//! without opening them.

use crate::draft::MachineDraft;
use crate::lang::Lang;

/// `1 CPU · no switch cost · cache off · kernel threads`, from the machine as typed.
pub fn machine_summary(machine: &MachineDraft, lang: Lang) -> String {
    let cpus = machine.cpus.trim();
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
            _ => lang.pick([
                format!(
                    "전환 {}틱(스레드 {}틱)",
                    machine.dispatch_latency.trim(),
                    machine.thread_switch_latency.trim()
                ),
                format!(
                    "switch {} (thread {}) ticks",
                    machine.dispatch_latency.trim(),
                    machine.thread_switch_latency.trim()
                ),
            ]),
        },
    );
    if !cost(&machine.kernel_entry_cost) {
        let ticks = machine.kernel_entry_cost.trim();
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
        assert_eq!(
            machine_summary(&machine, Lang::En),
            "1 CPU · no switch cost · cache off · kernel-level threads"
        );
        machine.cpus = "4".into();
        machine.dispatch_latency = "2".into();
        machine.cache = true;
        assert_eq!(
            machine_summary(&machine, Lang::Ko),
            "CPU 4개 · 전환 2틱(스레드 0틱) · 캐시 모델 켬 · 커널 수준 스레드"
        );
        machine.cache_model = proclab_core::CacheModel::Warmup;
        assert!(machine_summary(&machine, Lang::En).contains("warm-up cache model"));
    }
}
