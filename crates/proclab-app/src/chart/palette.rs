//! Colours and fill patterns: the Okabe–Ito palette, safe for the common kinds of colour
//! blindness, plus a pattern for every kind of slice that is not a thread running, so idle,
//! dispatch and cache-stall slices differ without colour too (and they carry labels).

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// True if black text reads better than white on this colour.
    pub fn is_light(self) -> bool {
        let Rgb(red, green, blue) = self;
        // Integer luma (ITU-R BT.601 weights, out of 1000).
        u32::from(red) * 299 + u32::from(green) * 587 + u32::from(blue) * 114 > 140_000
    }

    /// `#rrggbb`.
    pub fn hex(self) -> String {
        let Rgb(red, green, blue) = self;
        format!("#{red:02x}{green:02x}{blue:02x}")
    }
}

/// Okabe–Ito orange.
pub const ORANGE: Rgb = Rgb(0xE6, 0x9F, 0x00);
/// Okabe–Ito sky blue.
pub const SKY_BLUE: Rgb = Rgb(0x56, 0xB4, 0xE9);
/// Okabe–Ito bluish green.
pub const BLUISH_GREEN: Rgb = Rgb(0x00, 0x9E, 0x73);
/// Okabe–Ito yellow.
pub const YELLOW: Rgb = Rgb(0xF0, 0xE4, 0x42);
/// Okabe–Ito blue.
pub const BLUE: Rgb = Rgb(0x00, 0x72, 0xB2);
/// Okabe–Ito vermillion.
pub const VERMILLION: Rgb = Rgb(0xD5, 0x5E, 0x00);
/// Okabe–Ito reddish purple.
pub const REDDISH_PURPLE: Rgb = Rgb(0xCC, 0x79, 0xA7);
/// Text and outlines.
pub const INK: Rgb = Rgb(0x22, 0x22, 0x22);
/// Axis and grid lines.
pub const GRID: Rgb = Rgb(0xCC, 0xCC, 0xCC);
/// The page background.
pub const PAPER: Rgb = Rgb(0xFF, 0xFF, 0xFF);
/// Idle CPU.
pub const IDLE: Rgb = Rgb(0xF2, 0xF2, 0xF2);
/// Dispatch latency.
pub const DISPATCH: Rgb = Rgb(0xBB, 0xBB, 0xBB);
/// Blocked on I/O.
pub const BLOCKED: Rgb = Rgb(0xDD, 0xDD, 0xDD);

/// Colours of processes, in pid order (cycled). Yellow and greys are kept for stalls and overhead.
pub const PROCESS_COLOURS: [Rgb; 6] = [
    ORANGE,
    SKY_BLUE,
    BLUISH_GREEN,
    VERMILLION,
    BLUE,
    REDDISH_PURPLE,
];

/// The colour of process `pid`.
pub fn process_colour(pid: u32) -> Rgb {
    PROCESS_COLOURS[pid as usize % PROCESS_COLOURS.len()]
}

/// What is drawn over a fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pattern {
    /// Nothing: a plain fill.
    Solid,
    /// Diagonal lines `/`.
    Hatch,
    /// Diagonal lines both ways `X`.
    CrossHatch,
    /// A grid of dots.
    Dots,
    /// A thick border in the accent colour, plain fill.
    Outline,
}

/// How one segment or bar is painted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fill {
    /// Background colour.
    pub colour: Rgb,
    /// Pattern over it.
    pub pattern: Pattern,
    /// Colour of the pattern lines, the outline and the label.
    pub ink: Rgb,
}

impl Fill {
    /// A plain fill with readable ink.
    pub fn solid(colour: Rgb) -> Fill {
        Fill {
            colour,
            pattern: Pattern::Solid,
            ink: readable_ink(colour),
        }
    }
}

/// Black or white, whichever reads on `colour`.
pub fn readable_ink(colour: Rgb) -> Rgb {
    if colour.is_light() {
        INK
    } else {
        PAPER
    }
}
