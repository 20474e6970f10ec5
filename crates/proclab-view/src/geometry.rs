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
            let half = self.height * 0.6;
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

/// The five nodes: New and Exit on top, Ready and Running in the middle, Blocked below.
pub fn node_rects(diagram: Rect) -> [Rect; 5] {
    let width = diagram.width * 0.3;
    let height = diagram.height * 0.22;
    let at = |fx: f32, fy: f32| Rect {
        x: diagram.x + diagram.width * fx - width / 2.0,
        y: diagram.y + diagram.height * fy - height / 2.0,
        width,
        height,
    };
    // Order of ProcessState::ALL: New, Ready, Running, Blocked, Exit.
    [
        at(0.18, 0.2),
        at(0.25, 0.54),
        at(0.75, 0.54),
        at(0.5, 0.86),
        at(0.82, 0.2),
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

/// Where the machine's parts go: CPUs on top, ready lanes in the middle, I/O at the bottom.
pub struct MachineLayout {
    pub cpus: Vec<Rect>,
    pub lanes: Vec<Rect>,
    pub io: Rect,
}

pub fn machine_layout(area: Rect, cpus: usize, lanes: usize) -> MachineLayout {
    let area = area.inset(8.0, 8.0);
    let cpu_band = area.height * 0.38;
    let lane_band = area.height * 0.4;
    let io_band = area.height - cpu_band - lane_band;
    let cpus = cpus.max(1);
    let columns = cpus.min(4);
    let rows = cpus.div_ceil(columns);
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
