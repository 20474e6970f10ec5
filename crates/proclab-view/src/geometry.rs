//! Points, rectangles and where each part of the picture goes.

use alloc::vec::Vec;

use crate::Transition;

/// The drawing area in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Size {
    pub width: f32,
    pub height: f32,
}

#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

impl Point {
    pub fn lerp(self, to: Point, t: f32) -> Point {
        Point {
            x: self.x + (to.x - self.x) * t,
            y: self.y + (to.y - self.y) * t,
        }
    }

    pub fn distance(self, other: Point) -> f32 {
        let (dx, dy) = (self.x - other.x, self.y - other.y);
        libm_sqrt(dx * dx + dy * dy)
    }
}

/// Square root by Newton's method (no `std` here); exact enough for hit tests.
fn libm_sqrt(value: f32) -> f32 {
    if value <= 0.0 {
        return 0.0;
    }
    let mut guess = if value > 1.0 { value / 2.0 } else { 1.0 };
    for _ in 0..20 {
        guess = 0.5 * (guess + value / guess);
    }
    guess
}

#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

impl Rect {
    pub fn center(self) -> Point {
        Point {
            x: self.x + self.width / 2.0,
            y: self.y + self.height / 2.0,
        }
    }

    pub fn contains(self, point: Point) -> bool {
        point.x >= self.x
            && point.x <= self.x + self.width
            && point.y >= self.y
            && point.y <= self.y + self.height
    }

    /// The rectangle shrunk by `horizontal` on the left and right and `vertical` on top and bottom.
    /// Whether the two rectangles share more than an edge (`slack` pixels of overlap forgiven).
    pub fn overlaps(self, other: Rect, slack: f32) -> bool {
        self.x + slack < other.x + other.width
            && other.x + slack < self.x + self.width
            && self.y + slack < other.y + other.height
            && other.y + slack < self.y + self.height
    }

    /// Whether `inner` lies inside this rectangle (`slack` pixels forgiven).
    pub fn holds(self, inner: Rect, slack: f32) -> bool {
        inner.x + slack >= self.x
            && inner.y + slack >= self.y
            && inner.x + inner.width <= self.x + self.width + slack
            && inner.y + inner.height <= self.y + self.height + slack
    }

    pub fn right(self) -> f32 {
        self.x + self.width
    }

    pub fn bottom(self) -> f32 {
        self.y + self.height
    }

    pub fn inset(self, horizontal: f32, vertical: f32) -> Rect {
        Rect {
            x: self.x + horizontal,
            y: self.y + vertical,
            width: (self.width - 2.0 * horizontal).max(1.0),
            height: (self.height - 2.0 * vertical).max(1.0),
        }
    }
}

impl Size {
    /// The state diagram on the left, the machine on the right; stacked when the area is narrow.
    pub fn split(self) -> (Rect, Rect) {
        if self.width >= self.height * 1.2 {
            let half = self.width * 0.48;
            (
                Rect {
                    x: 0.0,
                    y: 0.0,
                    width: half,
                    height: self.height,
                },
                Rect {
                    x: half,
                    y: 0.0,
                    width: self.width - half,
                    height: self.height,
                },
            )
        } else {
            // The diagram keeps the 60% it has of a canvas twice as high as wide; a canvas made
            // taller for rows of CPUs ([`crate::canvas_size`]) gives the extra to the machine.
            let half = (self.height * 0.6).min(self.width * 1.2);
            (
                Rect {
                    x: 0.0,
                    y: 0.0,
                    width: self.width,
                    height: half,
                },
                Rect {
                    x: 0.0,
                    y: half,
                    width: self.width,
                    height: self.height - half,
                },
            )
        }
    }
}

/// The five nodes: New and Exit on top, Ready and Running in the middle, Blocked below. Their
/// places leave a gap between each pair of neighbours that holds two lines of caption
/// ([`caption_slot`]), and each node holds a title line over its tokens.
pub fn node_rects(diagram: Rect) -> [Rect; 5] {
    let width = diagram.width * 0.28;
    let height = diagram.height * 0.2;
    let at = |fx: f32, fy: f32| Rect {
        x: diagram.x + diagram.width * fx - width / 2.0,
        y: diagram.y + diagram.height * fy - height / 2.0,
        width,
        height,
    };
    // Order of ProcessState::ALL: New, Ready, Running, Blocked, Exit.
    [
        at(0.17, 0.17),
        at(0.22, 0.52),
        at(0.78, 0.52),
        at(0.5, 0.84),
        at(0.83, 0.17),
    ]
}

/// Start and end of an arrow between two nodes; the pair Ready/Running gets two parallel arrows.
pub fn arrow_points(from: Rect, to: Rect, transition: Transition) -> (Point, Point) {
    let (a, b) = (from.center(), to.center());
    let offset = match transition {
        Transition::Dispatch => -from.height * 0.25,
        Transition::Interrupt => from.height * 0.25,
        _ => 0.0,
    };
    let horizontal = (a.y - b.y).abs() < 1.0;
    let (start, end) = if horizontal {
        let direction = if b.x > a.x { 1.0 } else { -1.0 };
        (
            Point {
                x: a.x + direction * from.width / 2.0,
                y: a.y + offset,
            },
            Point {
                x: b.x - direction * to.width / 2.0,
                y: b.y + offset,
            },
        )
    } else {
        let down = if b.y > a.y { 1.0 } else { -1.0 };
        (
            Point {
                x: a.x + (b.x - a.x) * 0.2,
                y: a.y + down * from.height / 2.0,
            },
            Point {
                x: b.x - (b.x - a.x) * 0.2,
                y: b.y - down * to.height / 2.0,
            },
        )
    };
    (start, end)
}

/// The room an arrow's caption may take, beside its arrow and clear of every node, of the other
/// captions and of the clock: the dispatch caption above its arrow and the interrupt caption below
/// its own (both in the gap between Ready and Running), the others beside the middle of theirs, in
/// the gap between the two nodes the arrow joins. `nodes` is [`node_rects`]'s answer, `line` the
/// height of a line of text.
pub fn caption_slot(nodes: &[Rect; 5], transition: Transition, line: f32) -> Rect {
    let [new, ready, running, blocked, exit] = *nodes;
    let (from, to) = {
        let (from, to) = transition.endpoints();
        let index = |state| {
            proclab_core::ProcessState::ALL
                .iter()
                .position(|s| *s == state)
                .unwrap_or(0)
        };
        (nodes[index(from)], nodes[index(to)])
    };
    let (start, end) = arrow_points(from, to, transition);
    let middle = start.lerp(end, 0.5);
    // How far a slanting arrow moves sideways over a line of text: a caption beside its middle
    // keeps that much further off, so its first line (above the middle) clears the arrow too.
    let slant = ((end.x - start.x) / (end.y - start.y).abs().max(1.0)).abs() * line;
    let gap_left = ready.x + ready.width + 3.0;
    let gap_right = running.x - 3.0;
    let centre = (ready.center().x + running.center().x) / 2.0;
    let dispatch_top = ready.center().y - ready.height * 0.25 - 2.0 - 2.0 * line;
    let between = |left: f32, right: f32, top: f32, bottom: f32| Rect {
        x: left,
        y: top,
        width: (right - left).max(1.0),
        height: (bottom - top).max(1.0),
    };
    match transition {
        Transition::Dispatch => between(
            gap_left,
            gap_right,
            start.y - 2.0 - 2.0 * line,
            start.y - 2.0,
        ),
        Transition::Interrupt => between(
            gap_left,
            gap_right,
            start.y + 2.0,
            start.y + 2.0 + 2.0 * line,
        ),
        // Beside their arrows and over the dispatch caption, each in its half of the diagram.
        Transition::Admit => between(
            middle.x + 6.0,
            centre - 2.0,
            new.y + new.height + 2.0,
            (ready.y - 2.0).min(dispatch_top - 2.0),
        ),
        Transition::Exit => between(
            centre + 2.0,
            middle.x - 6.0,
            exit.y + exit.height + 2.0,
            (running.y - 2.0).min(dispatch_top - 2.0),
        ),
        Transition::IoRequest => between(
            middle.x + 6.0 + slant,
            running.x + running.width,
            running.y + running.height + 2.0,
            blocked.y - 2.0,
        ),
        Transition::IoComplete => between(
            ready.x,
            middle.x - 6.0 - slant,
            ready.y + ready.height + 2.0,
            blocked.y - 2.0,
        ),
    }
}

/// Where the machine's parts go: CPUs on top, ready lanes in the middle, I/O at the bottom.
pub struct MachineLayout {
    pub cpus: Vec<Rect>,
    pub lanes: Vec<Rect>,
    pub io: Rect,
}

/// The height of a CPU box: a title line, three lines for a context switch, a cache caption and
/// the cache bar ([`crate::CpuBox`]).
pub fn cpu_height(line: f32) -> f32 {
    5.0 * line + 34.0
}

/// The height of the I/O box: a title line and `lines` lines of waiting threads.
pub fn io_height(line: f32, lines: usize) -> f32 {
    (1 + lines.max(1)) as f32 * line + 10.0
}

/// The columns and rows of CPU boxes in a machine area `width` wide: as many columns as hold a
/// CPU at least `9 * line` wide, at most four.
pub fn cpu_grid(width: f32, cpus: usize, line: f32) -> (usize, usize) {
    let cpus = cpus.max(1);
    let fit = ((width / (9.0 * line)) as usize).max(1);
    let columns = cpus.min(4).min(fit);
    (columns, cpus.div_ceil(columns))
}

/// The share of the machine's height (less the I/O box) its CPUs may take at most.
const CPU_SHARE: f32 = 0.75;

/// The height a machine area `width` wide needs so that `cpus` CPU boxes get the height their
/// lines need within [`CPU_SHARE`], with a waiting box of `io_lines` lines.
pub fn machine_height_needed(width: f32, cpus: usize, line: f32, io_lines: usize) -> f32 {
    let (_, rows) = cpu_grid(width - 16.0, cpus, line);
    let cpu_band = rows as f32 * (cpu_height(line) + 8.0);
    cpu_band / CPU_SHARE + io_height(line, io_lines) + 8.0 + 16.0
}

/// CPUs get the height their lines need ([`cpu_grid`]), I/O its title and `io_lines` lines,
/// and the ready lanes share what is left.
pub fn machine_layout(
    area: Rect,
    cpus: usize,
    lanes: usize,
    line: f32,
    io_lines: usize,
) -> MachineLayout {
    let area = area.inset(8.0, 8.0);
    let (columns, rows) = cpu_grid(area.width, cpus, line);
    let cpu_height = cpu_height(line) + 8.0;
    let io_band = io_height(line, io_lines) + 8.0;
    let cpu_band = (rows as f32 * cpu_height).min((area.height - io_band) * CPU_SHARE);
    let lane_band = (area.height - cpu_band - io_band).max(1.0);
    let cpu_width = area.width / columns as f32;
    let cpu_height = cpu_band / rows as f32;
    let cpu_rects = (0..cpus)
        .map(|index| {
            let (column, row) = (index % columns, index / columns);
            Rect {
                x: area.x + column as f32 * cpu_width,
                y: area.y + row as f32 * cpu_height,
                width: cpu_width,
                height: cpu_height,
            }
            .inset(4.0, 4.0)
        })
        .collect();
    let lane_height = lane_band / lanes.max(1) as f32;
    let lane_rects = (0..lanes.max(1))
        .map(|index| {
            Rect {
                x: area.x,
                y: area.y + cpu_band + index as f32 * lane_height,
                width: area.width,
                height: lane_height,
            }
            .inset(4.0, 3.0)
        })
        .collect();
    MachineLayout {
        cpus: cpu_rects,
        lanes: lane_rects,
        io: Rect {
            x: area.x,
            y: area.y + cpu_band + lane_band,
            width: area.width,
            height: io_band,
        }
        .inset(4.0, 4.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where a slanting arrow is at height `y` (between its ends).
    fn arrow_x_at(start: Point, end: Point, y: f32) -> f32 {
        start.x + (end.x - start.x) * (y - start.y) / (end.y - start.y)
    }

    /// The I/O captions sit beside their slanting arrows: the arrow crosses neither line of a
    /// two-line caption centred in its room, at a phone's, a laptop's and a projector's size.
    #[test]
    fn the_slanting_arrows_cross_no_line_of_their_captions() {
        for (width, height, line) in [
            (340.0, 300.0, 15.0),
            (600.0, 420.0, 16.8),
            (900.0, 560.0, 18.0),
        ] {
            let diagram = Rect {
                x: 0.0,
                y: 0.0,
                width,
                height,
            };
            let nodes = node_rects(diagram);
            for transition in [Transition::IoRequest, Transition::IoComplete] {
                let [_, ready, running, blocked, _] = nodes;
                let (from, to) = match transition {
                    Transition::IoRequest => (running, blocked),
                    _ => (blocked, ready),
                };
                let (start, end) = arrow_points(from, to, transition);
                let room = caption_slot(&nodes, transition, line);
                let centre = room.y + room.height / 2.0;
                for y in [centre - line, centre, centre + line] {
                    let y = y.clamp(start.y.min(end.y), start.y.max(end.y));
                    let x = arrow_x_at(start, end, y);
                    assert!(
                        x < room.x || x > room.x + room.width,
                        "{transition:?} at {width}x{height}: the arrow at ({x}, {y}) crosses the caption's room {room:?}"
                    );
                }
                assert!(
                    room.width >= 4.0 * line,
                    "{transition:?} at {width}: a room of {}",
                    room.width
                );
            }
        }
    }
}
