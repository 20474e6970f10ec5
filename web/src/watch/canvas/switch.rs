//! Paints a context switch over its CPU box, on the three lines `proclab_view` keeps for it: the
//! step it is at, the registers and program counter that move at that step, and whether the
//! address space changes with it.

use proclab_app::i18n::Lang;
use proclab_app::lang::Words;
use proclab_app::watch::text::{switch_kind, ticks_left, WatchText};
use proclab_core::Cause;
use proclab_view::{CpuBox, Rect, SwitchPhase, SwitchView};

use super::pen::{Pen, Type, ACTIVE, INK, TEXT};

/// The switch `view` on the CPU box `cpu`.
pub fn switch(pen: &Pen, cpu: &CpuBox, view: &SwitchView, lang: Lang, processes_only: bool) {
    // Under many-to-one threads the kernel saves and loads the process's PCB.
    let pcbs;
    let view = if processes_only {
        pcbs = SwitchView {
            block_out: "PCB",
            block_in: "PCB",
            ..view.clone()
        };
        &pcbs
    } else {
        view
    };
    let panel = cpu.switch_panel();
    // A process switch is drawn heavier than a thread switch: the address space changes too.
    let heavy = view.address_space_change;
    pen.rounded(panel, 6.0);
    pen.fill(if heavy { "#fbe5d6" } else { "#e1eef7" });
    pen.stroke(
        if heavy { ACTIVE } else { "#0072B2" },
        if heavy { 3.0 } else { 1.5 },
    );
    // The panel's lines, clear of its border (a 3 px process-switch border had touched the
    // words' first letter).
    let lines = cpu.lines.map(|line| Rect {
        x: line.x + 4.0,
        width: (line.width - 8.0).max(0.0),
        ..line
    });
    let (step, detail) = words(view, lang);
    // A narrow CPU box (several CPUs side by side) says the step in fewer words rather than
    // squeezing them.
    let step = match view.phase {
        _ if pen.measure(&step, Type::left(TEXT, INK)) <= lines[0].width as f64 => step,
        SwitchPhase::Trap => WatchText::TrapShort.get(lang).to_string(),
        SwitchPhase::SaveOutgoing => block(WatchText::SaveOutgoingShort.get(lang), view.block_out),
        SwitchPhase::LoadIncoming => block(WatchText::LoadIncomingShort.get(lang), view.block_in),
        _ => step,
    };
    pen.text_in(&step, lines[0], Type::left(TEXT, INK));
    // From an idle CPU nothing is switched out: the address space is only loaded.
    // The ticks after the dispatch (its latency, the cache refill) no longer know the thread
    // switched out: they say what is true of both cases, that the address space is loaded.
    let later = matches!(
        view.phase,
        SwitchPhase::Latency { .. } | SwitchPhase::Refill { .. }
    );
    let (kind, short) = switch_kind(view, later);
    let (kind, short) = (kind.get(lang), short.get(lang));
    if detail.is_empty() {
        // Two free lines: the kind of switch may wrap rather than squeeze.
        let both = Rect {
            height: lines[2].bottom() - lines[1].y,
            ..lines[1]
        };
        pen.wrapped(kind, both, lines[1].height, Type::left(TEXT, INK), false);
    } else {
        pen.text_in(&detail, lines[1], Type::left(TEXT, INK));
        let fits = pen.measure(kind, Type::left(TEXT, INK)) <= lines[2].width as f64;
        pen.text_in(
            if fits { kind } else { short },
            lines[2],
            Type::left(TEXT, INK),
        );
    }
}

/// A step's words with the control block the thread's context goes to or comes from: a thread
/// of a process of several threads has its own TCB (the log says so too).
fn block(words: &str, block: &str) -> String {
    words.replace("PCB", block)
}

/// The step in words and, for the save and load steps, the values that move.
fn words(view: &SwitchView, lang: Lang) -> (String, String) {
    match view.phase {
        // What entered the kernel, where the outgoing thread's leaving says it (an exit read as
        // "interrupt or system call" to a student).
        SwitchPhase::Trap => (
            match view.trigger {
                Some(Cause::Exited) => WatchText::TrapExit,
                Some(Cause::QuantumExpired) => WatchText::TrapTimer,
                Some(Cause::IoRequested { .. }) => WatchText::TrapIo,
                _ => WatchText::Trap,
            }
            .get(lang)
            .to_string(),
            String::new(),
        ),
        // After idling or an exit no context is left to save (the step had said it saved one).
        SwitchPhase::SaveOutgoing if view.outgoing.is_none() => (
            WatchText::NothingToSave.get(lang).to_string(),
            String::new(),
        ),
        SwitchPhase::SaveOutgoing => (
            block(WatchText::SaveOutgoing.get(lang), view.block_out),
            match (&view.outgoing, &view.context_out) {
                (Some((_, label)), Some(context)) => {
                    format!("{label}: {context} → {}", view.block_out)
                }
                _ => String::new(),
            },
        ),
        SwitchPhase::LoadIncoming => (
            block(WatchText::LoadIncoming.get(lang), view.block_in),
            format!(
                "{} → {}: {}",
                view.block_in, view.incoming.1, view.context_in
            ),
        ),
        SwitchPhase::Latency { left } => (
            format!(
                "{}: {}",
                WatchText::Latency.get(lang),
                ticks_left(left, lang)
            ),
            String::new(),
        ),
        SwitchPhase::Refill { left } => (
            format!(
                "{}: {}",
                WatchText::Refill.get(lang),
                ticks_left(left, lang)
            ),
            String::new(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    /// The first step's words of the switch on CPU 0 at `tick` of example `id`.
    fn trap_at(id: &str, tick: u64) -> String {
        let spec = proclab_core::presets::preset(id).unwrap().spec;
        let run = proclab_core::simulate_spec(&spec).unwrap();
        let events: Vec<_> = run
            .trace()
            .iter()
            .filter(|event| event.tick == tick)
            .collect();
        let view = proclab_view::switch_view(
            &run.state_at(tick - 1),
            &run.state_at(tick),
            &events,
            0,
            100,
        )
        .expect("a switch at that tick");
        assert_eq!(view.phase, SwitchPhase::Trap);
        words(&view, Lang::En).0
    }

    #[wasm_bindgen_test]
    fn the_first_step_says_what_entered_the_kernel() {
        // Stallings's HRRN example: A exits at 3 and B is loaded.
        assert_eq!(
            trap_at("hrrn", 3),
            "① The exit system call enters the kernel"
        );
        // Silberschatz's RR example (q=4): P1's quantum ends at 4.
        assert_eq!(
            trap_at("rr-silberschatz", 4),
            "① The timer interrupt enters the kernel"
        );
    }
}
