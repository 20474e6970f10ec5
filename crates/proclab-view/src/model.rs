//! The scene's parts: what the canvas paints for one moment, as plain data.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use proclab_core::cache::CacheOwner;
use proclab_core::state::CpuActivity;
use proclab_core::{Cause, ProcessState, ThreadRef};

use crate::geometry::{Point, Rect, Size};
use crate::sizing::{IoRow, LaneForm};
use crate::switch::SwitchView;

/// The five states as nodes of the diagram, in [`ProcessState::ALL`] order.
#[derive(Clone, Debug, PartialEq)]
pub struct StateNode {
    pub state: ProcessState,
    pub rect: Rect,
    /// The line of its title (its name and count), along its top.
    pub title: Rect,
    /// Threads of control in this state after the instant.
    pub count: usize,
}

/// The transitions of the five-state model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Transition {
    Admit,
    Dispatch,
    Interrupt,
    IoRequest,
    IoComplete,
    Exit,
}

impl Transition {
    pub const ALL: [Transition; 6] = [
        Transition::Admit,
        Transition::Dispatch,
        Transition::Interrupt,
        Transition::IoRequest,
        Transition::IoComplete,
        Transition::Exit,
    ];

    pub fn endpoints(self) -> (ProcessState, ProcessState) {
        use ProcessState::*;
        match self {
            Transition::Admit => (New, Ready),
            Transition::Dispatch => (Ready, Running),
            Transition::Interrupt => (Running, Ready),
            Transition::IoRequest => (Running, Blocked),
            Transition::IoComplete => (Blocked, Ready),
            Transition::Exit => (Running, Exit),
        }
    }

    pub(crate) fn of(from: ProcessState, to: ProcessState) -> Option<Transition> {
        Transition::ALL
            .into_iter()
            .find(|transition| transition.endpoints() == (from, to))
    }
}

/// One arrow of the diagram; `active` when some thread takes it at this instant.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrow {
    pub transition: Transition,
    pub from: Point,
    pub to: Point,
    /// The causes of this instant's moves along it (in event order).
    pub causes: Vec<Cause>,
    /// Where its caption may be set (two lines at most), clear of everything else, and which
    /// edge of that room it keeps to (the arrow's side).
    pub caption: Rect,
    pub caption_align: Align,
}

/// Which edge of its box a text keeps to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Centre,
    Right,
}

/// One thread of control drawn as a labelled token.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub thread: ThreadRef,
    pub label: String,
    /// The node it is drawn in ([`shown_state`]).
    pub state: ProcessState,
    pub at: Point,
    /// Moving along an arrow at this instant.
    pub moving: bool,
    /// Index into the palette (the process id), so threads of one process share a colour.
    pub colour: u32,
    /// Where its name is set: inside the circle when every name fits there, under it otherwise;
    /// none when there is no room for it at [`MIN_TEXT`] (the machine in words still names it).
    pub label_box: Option<Rect>,
}

/// One ready queue (one lane per MLQ queue or MLFQ level).
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub level: usize,
    /// Whether the queues have levels, so the lane's title gives its level's number.
    pub numbered: bool,
    /// With per-CPU queues, the CPU whose queue this is.
    pub cpu: Option<u32>,
    pub rect: Rect,
    /// How its entries are set ([`lane_form`]) and the box of its title.
    pub form: LaneForm,
    pub title: Rect,
    /// Threads in queue order, head first.
    pub entries: Vec<(ThreadRef, String)>,
    /// Where the first entries are drawn (as many as fit); the rest are summed up by an ellipsis.
    pub cells: Vec<Rect>,
    /// For each drawn entry, what the policy picks it by ([`TurnKey::queued`](crate::TurnKey)):
    /// its time slice and allotment left (`q3 a2`), its CPU burst left (`r3`), its predicted
    /// burst (`τ4.5`) or its priority (`p2`); empty when there is nothing to say.
    pub marks: Vec<String>,
    /// When not every entry has a cell: where `+N` goes and N.
    pub more: Option<(Rect, usize)>,
}

/// One slice of a CPU's cache bar.
#[derive(Clone, Debug, PartialEq)]
pub struct CacheSlice {
    pub owner: CacheOwner,
    pub units: u32,
    /// Belongs to the thread this CPU is running or loading (warm for it).
    pub warm_for_current: bool,
}

/// One CPU box with its cache.
#[derive(Clone, Debug, PartialEq)]
pub struct CpuBox {
    pub cpu: u32,
    pub rect: Rect,
    pub activity: CpuActivity,
    /// Label of the thread it runs, loads or stalls for.
    pub label: Option<String>,
    /// On a multilevel queue, the level of the thread it runs or loads.
    pub level: Option<u32>,
    /// Ticks left in the time slice of the thread it runs, where the policy gives slices (the
    /// legend's `q3`: a ready thread's is renewed at its dispatch, so under round robin only the
    /// running thread's says anything).
    pub quantum: Option<u64>,
    /// What the policy compares with the thread it runs, spelt as the queues' entries spell
    /// it (`q3`, `r2`, `p1`); empty when it runs nothing or there is nothing to say.
    pub mark: String,
    /// Ticks left of a dispatch or stall.
    pub countdown: Option<u64>,
    pub cache: Vec<CacheSlice>,
    /// Units the cache holds when full (0 when the cache model is off).
    pub cache_capacity: u32,
    /// Its title line (`CPU 0: P1`), the three lines a context switch is told in, the cache's
    /// caption line and the cache bar, top to bottom.
    pub title: Rect,
    pub lines: [Rect; 3],
    pub cache_caption: Rect,
    pub cache_bar: Rect,
}

impl CpuBox {
    /// The panel a context switch is drawn in: around its three lines.
    pub fn switch_panel(&self) -> Rect {
        Rect {
            x: self.rect.x + 3.0,
            y: self.lines[0].y - 3.0,
            width: self.rect.width - 6.0,
            height: self.lines[2].bottom() - self.lines[0].y + 6.0,
        }
    }
}

/// One line of the waiting box: a thread blocked on I/O, on a mutex, semaphore or condition,
/// or on a pipe or message queue, or a pipe or queue nobody waits on, shown for what it holds.
#[derive(Clone, Debug, PartialEq)]
pub struct IoEntry {
    /// The thread waiting (`None` for a channel shown alone).
    pub thread: Option<ThreadRef>,
    /// The thread's label, or the channel's name when it is shown alone.
    pub label: String,
    /// Ticks of I/O left (0 when it waits for anything else).
    pub io_left: u64,
    /// The sync object or channel it waits for, by name, and the label of the mutex's holder.
    pub waits_for: Option<(String, Option<String>)>,
    /// A channel's places ([`places`]): the one waited for, or the one shown alone.
    pub places: Option<String>,
}

impl IoEntry {
    /// The entry as the box sets it: `P3 (4)` for I/O with its ticks left, `P1.T2 → a (P1.T1)`
    /// for a wait on mutex `a` held by `P1.T1` (an arrow of the wait-for graph), `P2 → s` for a
    /// semaphore or condition, `Reader → p [· ·]` for a wait on pipe `p` with both its places
    /// empty, and `p [1 ·]` for a pipe holding one byte that nobody waits on.
    pub fn text(&self) -> String {
        match (&self.waits_for, &self.places) {
            (None, None) => format!("{} ({})", self.label, self.io_left),
            (None, Some(places)) => format!("{} {places}", self.label),
            (Some((object, _)), Some(places)) => format!("{} → {object} {places}", self.label),
            (Some((object, Some(holder))), None) => {
                format!("{} → {object} ({holder})", self.label)
            }
            (Some((object, None)), None) => format!("{} → {object}", self.label),
        }
    }

    /// Whether the entry is about a pipe or message queue.
    pub fn is_channel(&self) -> bool {
        self.places.is_some()
    }
}

/// A pipe's or message queue's places as the waiting box draws them: each message in its place
/// and `·` for an empty one (`[1 ·]`), or the count when it has more than
/// [`PLACES_DRAWN`] places (`[5/16]`); `EOF` after a pipe every writer has closed and that
/// holds nothing.
pub fn places(queue: &proclab_core::state::QueueSnapshot) -> String {
    let capacity = queue.capacity as usize;
    let mut text = if capacity <= PLACES_DRAWN {
        let cells: Vec<String> = (0..capacity)
            .map(|place| {
                queue
                    .messages
                    .get(place)
                    .map_or_else(|| String::from("·"), |message| format!("{message}"))
            })
            .collect();
        format!("[{}]", cells.join(" "))
    } else {
        format!("[{}/{capacity}]", queue.messages.len())
    };
    if queue.at_end_of_file() {
        text.push_str(" EOF");
    }
    text
}

/// The most places a channel's entry draws one by one.
pub const PLACES_DRAWN: usize = 8;

/// Everything the canvas paints for one moment.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    pub size: Size,
    pub tick: u64,
    pub progress: u32,
    /// How much larger than nominal texts are set ([`text_zoom`]) and the height of a line.
    pub zoom: f32,
    pub line: f32,
    /// Where the clock is set, top left.
    pub clock: Rect,
    pub diagram: Rect,
    pub nodes: Vec<StateNode>,
    pub arrows: Vec<Arrow>,
    pub tokens: Vec<Token>,
    pub lanes: Vec<Lane>,
    pub cpus: Vec<CpuBox>,
    pub io_rect: Rect,
    pub io_title: Rect,
    pub io: Vec<IoEntry>,
    /// The I/O box's line of labels ([`io_row`]).
    pub io_row: IoRow,
    /// The context switch in progress on each CPU that is switching.
    pub switches: Vec<SwitchView>,
    /// The radius of every token.
    pub token_radius: f32,
}
