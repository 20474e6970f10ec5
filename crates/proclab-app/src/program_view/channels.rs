//! The message queues and pipes at one tick, as rows of words: what each holds (oldest first,
//! count/capacity), who waits to send or write (it is full) and to receive or read (it is
//! empty), and for a pipe its write ends still open, or end-of-file. The page's queue table and
//! the CLI's end of run read the same rows.

use proclab_core::state::{MachineState, QueueSnapshot};
use proclab_core::ThreadRef;
use proclab_view::thread_label;

use crate::lang::Lang;

/// One message queue or pipe, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChannelRow {
    /// The name both processes declared.
    pub name: String,
    /// "메시지 큐" / "message queue" or "파이프" / "pipe".
    pub kind: &'static str,
    /// Whether it is a pipe.
    pub pipe: bool,
    /// What it holds, oldest first, then count/capacity: `[1, 2] 2/2`.
    pub held: String,
    /// Threads waiting to send or write, first first (`—` for none).
    pub senders: String,
    /// Threads waiting to receive or read, first first.
    pub receivers: String,
    /// A pipe's write ends still open, or "end-of-file" once every writer closed or exited and it
    /// is empty; empty for a message queue.
    pub writers: String,
}

/// A wait queue's threads, first first, or (with `", "`) a set of threads.
fn names(state: &MachineState, threads: &[ThreadRef], between: &str) -> String {
    if threads.is_empty() {
        return "—".to_string();
    }
    threads
        .iter()
        .map(|thread| thread_label(state, *thread))
        .collect::<Vec<_>>()
        .join(between)
}

fn row(state: &MachineState, channel: &QueueSnapshot, lang: Lang) -> ChannelRow {
    let values: Vec<String> = channel.messages.iter().map(i64::to_string).collect();
    let writers = match &channel.open_writers {
        None => String::new(),
        Some(_) if channel.at_end_of_file() => lang
            .pick([
                "모두 닫힘: 파일 끝(read는 -1)",
                "all closed: end-of-file (read gets -1)",
            ])
            .to_string(),
        Some(open) if open.is_empty() => lang
            .pick([
                "모두 닫힘: 남은 값을 읽은 뒤 파일 끝",
                "all closed: end-of-file once drained",
            ])
            .to_string(),
        // The open ends are a set, not a queue (an arrow had read as an order or a hand-off).
        Some(open) => names(state, open, ", "),
    };
    ChannelRow {
        name: channel.name.clone(),
        kind: if channel.is_pipe() {
            lang.pick(["파이프", "pipe"])
        } else {
            lang.pick(["메시지 큐", "message queue"])
        },
        pipe: channel.is_pipe(),
        held: format!(
            "[{}] {}/{}",
            values.join(", "),
            channel.messages.len(),
            channel.capacity
        ),
        senders: names(state, &channel.senders, " → "),
        receivers: names(state, &channel.receivers, " → "),
        writers,
    }
}

/// Every message queue and pipe of `state`, in declaration order.
pub fn channel_rows(state: &MachineState, lang: Lang) -> Vec<ChannelRow> {
    state
        .queues
        .iter()
        .map(|channel| row(state, channel, lang))
        .collect()
}

/// What `thread` waits for when it waits on a message queue or a pipe, as its PCB says it:
/// "pipe p (empty): waits to read", and who else waits in that queue ("as does R2"). `None`
/// when it waits on none.
pub fn channel_wait(state: &MachineState, thread: ThreadRef, lang: Lang) -> Option<String> {
    state.queues.iter().find_map(|channel| {
        let pipe = channel.is_pipe();
        let name = &channel.name;
        let (waiters, [ko, en]) = if channel.receivers.contains(&thread) {
            let words = match pipe {
                true => [
                    format!("파이프 {name} (비어 있음): 읽으려고 기다림"),
                    format!("pipe {name} (empty): waits to read"),
                ],
                false => [
                    format!("메시지 큐 {name} (비어 있음): 받으려고 기다림"),
                    format!("message queue {name} (empty): waits to receive"),
                ],
            };
            (&channel.receivers, words)
        } else if channel.senders.contains(&thread) {
            let words = match pipe {
                true => [
                    format!("파이프 {name} (가득 참): 쓰려고 기다림"),
                    format!("pipe {name} (full): waits to write"),
                ],
                false => [
                    format!("메시지 큐 {name} (가득 참): 보내려고 기다림"),
                    format!("message queue {name} (full): waits to send"),
                ],
            };
            (&channel.senders, words)
        } else {
            return None;
        };
        let others: Vec<ThreadRef> = waiters
            .iter()
            .copied()
            .filter(|other| *other != thread)
            .collect();
        Some(if others.is_empty() {
            lang.pick([ko, en])
        } else {
            let verb = if others.len() == 1 { "does" } else { "do" };
            let others = names(state, &others, ", ");
            lang.pick([
                format!("{ko}, {others}도 기다림"),
                format!("{en}, as {verb} {others}"),
            ])
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proclab_core::presets::preset;

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn a_pipe_row_shows_its_buffer_its_waiters_and_end_of_file() {
        let spec = preset("pipe-writer-reader").unwrap().spec;
        let run = proclab_core::simulate_spec(&spec).unwrap();
        let first_wait = run
            .events()
            .iter()
            .find(|event| matches!(event.cause, proclab_core::Cause::Waits { .. }))
            .unwrap()
            .tick;
        let full = &channel_rows(&run.state_at(first_wait), Lang::En)[0];
        assert_eq!(
            (
                full.kind,
                full.held.as_str(),
                full.senders.as_str(),
                full.receivers.as_str()
            ),
            ("pipe", "[1, 2] 2/2", "Writer", "—")
        );
        assert_eq!(full.writers, "Writer");
        let writer = ThreadRef { pid: 0, tid: 0 };
        assert_eq!(
            channel_wait(&run.state_at(first_wait), writer, Lang::En).as_deref(),
            Some("pipe p (full): waits to write")
        );
        assert_eq!(channel_wait(&run.state_at(0), writer, Lang::En), None);
        let end = &channel_rows(&run.state_at(run.end_tick()), Lang::Ko)[0];
        assert_eq!(end.held, "[] 0/2");
        assert_eq!(end.writers, "모두 닫힘: 파일 끝(read는 -1)");
    }
}
