//! Paints a context switch over its CPU box: the step it is at, the registers and program
//! counter that move at that step, and whether the address space changes with it.

use proclab_app::i18n::Lang;
use proclab_app::lang::Words;
use proclab_app::watch::text::WatchText;
use proclab_view::{Point, Rect, SwitchPhase, SwitchView};

use super::pen::{Pen, Type, ACTIVE, INK, MUTED};

/// The switch `view` inside the CPU box `rect`.
pub fn switch(pen: &Pen, rect: Rect, view: &SwitchView, lang: Lang) {
    let middle = Rect {
        x: rect.x + 8.0,
        y: rect.y + 24.0,
        width: rect.width - 16.0,
        height: (rect.height - 66.0).max(16.0),
    };
    // A process switch is drawn heavier than a thread switch: the address space changes too.
    let heavy = view.address_space_change;
    pen.rounded(middle, 6.0);
    pen.fill(if heavy {
        "rgba(213, 94, 0, 0.16)"
    } else {
        "rgba(0, 114, 178, 0.10)"
    });
    pen.stroke(
        if heavy { ACTIVE } else { "#0072B2" },
        if heavy { 3.0 } else { 1.5 },
    );
    let within = middle.width as f64 - 12.0;
    let line = |y: f32| Point {
        x: middle.x + 6.0,
        y,
    };
    let (step, detail) = words(view, lang);
    pen.text_within(&step, line(middle.y + 10.0), Type::left(12.0, INK), within);
    if !detail.is_empty() {
        pen.text_within(
            &detail,
            line(middle.y + 26.0),
            Type::left(11.0, INK),
            within,
        );
    }
    let kind = if heavy {
        WatchText::ProcessSwitch
    } else {
        WatchText::ThreadSwitch
    };
    pen.text_within(
        kind.get(lang),
        line(middle.y + middle.height - 8.0),
        Type::left(10.0, MUTED),
        within,
    );
}

/// The step in words and, for the save and load steps, the values that move.
fn words(view: &SwitchView, lang: Lang) -> (String, String) {
    match view.phase {
        SwitchPhase::Trap => (WatchText::Trap.get(lang).to_string(), String::new()),
        SwitchPhase::SaveOutgoing => (
            WatchText::SaveOutgoing.get(lang).to_string(),
            match (&view.outgoing, view.registers_out, view.program_counter_out) {
                (Some((_, label)), Some(registers), Some(pc)) => format!(
                    "{label}: PC={pc} R0={:08x} R1={:08x} → PCB",
                    registers[0], registers[1]
                ),
                _ => String::new(),
            },
        ),
        SwitchPhase::LoadIncoming => (
            WatchText::LoadIncoming.get(lang).to_string(),
            format!(
                "PCB → {}: PC={} R0={:08x} R1={:08x}",
                view.incoming.1,
                view.program_counter_in,
                view.registers_in[0],
                view.registers_in[1]
            ),
        ),
        SwitchPhase::Latency { left } => (
            format!("{} ({left})", WatchText::Latency.get(lang)),
            String::new(),
        ),
        SwitchPhase::Refill { left } => (
            format!("{} ({left})", WatchText::Refill.get(lang)),
            String::new(),
        ),
    }
}
