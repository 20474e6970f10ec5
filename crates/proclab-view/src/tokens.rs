//! Where tokens go inside a node and where their names go: a grid a little wider than tall,
//! names inside, under or beside the circles, whichever fits at the smallest text size.

use alloc::string::String;

use crate::geometry::{Point, Rect};
use crate::sizing::{line_height, text_width, MIN_TEXT};

/// Where the tokens of a node go: below its title line, in a grid a little wider than tall.
pub(crate) fn token_area(node: Rect, line: f32) -> Rect {
    Rect {
        x: node.x + 4.0,
        y: node.y + line + 4.0,
        width: (node.width - 8.0).max(1.0),
        height: (node.height - line - 8.0).max(1.0),
    }
}

/// Smallest cell a drawn token gets: a 3-pixel circle, its ring and the air around it.
pub(crate) const MIN_CELL: f32 = 10.0;

/// How many tokens `area` can draw, each in a cell of at least [`MIN_CELL`] pixels a side.
pub(crate) fn token_room(area: Rect) -> usize {
    // `as` truncates towards zero: the whole cells (no `floor` without std).
    let columns = ((area.width / MIN_CELL) as usize).max(1);
    let rows = ((area.height / MIN_CELL) as usize).max(1);
    columns * rows
}

/// Columns and rows of a grid for `count` tokens in `area`: a little wider than tall, or in the
/// given number of columns when names stand beside their tokens.
pub(crate) fn grid(area: Rect, count: usize, naming: Naming) -> (usize, usize) {
    let count = count.max(1);
    let columns = match naming {
        Naming::Beside(columns) => columns.clamp(1, count),
        _ => {
            let aspect = (area.width / area.height.max(1.0)).max(0.25);
            ceil_sqrt((count as f32 * aspect) as usize).clamp(1, count)
        }
    };
    (columns, count.div_ceil(columns))
}

/// The cell of the `index`-th of `count` tokens in `area`.
pub(crate) fn token_cell(area: Rect, index: usize, count: usize, naming: Naming) -> Rect {
    let (columns, rows) = grid(area, count, naming);
    let (width, height) = (area.width / columns as f32, area.height / rows as f32);
    Rect {
        x: area.x + width * (index % columns) as f32,
        y: area.y + height * (index / columns) as f32,
        width,
        height,
    }
}

/// Where token names go, for the whole scene.
#[derive(Clone, Copy, PartialEq, Debug)]
pub(crate) enum Naming {
    /// Inside the circle.
    Inside,
    /// On the line under the token.
    Below,
    /// To the right of a small token, in lists of this many columns.
    Beside(usize),
    /// Nowhere: no room at [`MIN_TEXT`].
    Unnamed,
}

/// The radius of the tokens and where their names go, for the busiest node: names inside the
/// circles when every one fits there at [`MIN_TEXT`], else under each token, else beside each
/// token in a list, else none.
pub(crate) fn token_naming(
    area: Rect,
    busiest: usize,
    labels: &[String],
    zoom: f32,
) -> (f32, Naming) {
    let line = line_height(zoom);
    let size = MIN_TEXT * zoom;
    let largest = 16.0 * zoom;
    let widest = labels
        .iter()
        .map(|label| text_width(label, size))
        .fold(0.0, f32::max);
    let cell = token_cell(area, 0, busiest, Naming::Inside);
    // 3 px of air around each circle: a ringed token (3 px stroke) still clears its neighbours.
    let inside = (cell.width.min(cell.height) / 2.0 - 3.0).min(largest);
    if 2.0 * inside >= line && fits_inside(inside, widest, line) {
        return (inside, Naming::Inside);
    }
    let below = (cell.width / 2.0 - 2.0)
        .min((cell.height - line) / 2.0 - 2.0)
        .min(largest);
    if below >= 5.0 && widest + 2.0 <= cell.width {
        return (below, Naming::Below);
    }
    let small = line / 2.0 - 1.0;
    let column = widest + 2.0 * small + 10.0;
    let columns = ((area.width / column) as usize).max(1);
    let rows = busiest.max(1).div_ceil(columns);
    if column <= area.width && rows as f32 * line <= area.height {
        return (small, Naming::Beside(columns));
    }
    // Crowded: the names that fit inside their circles are set there, the others go unnamed
    // (the machine in words below the canvas names every thread).
    if 2.0 * inside >= line {
        (inside, Naming::Inside)
    } else {
        (inside.max(3.0), Naming::Unnamed)
    }
}

/// True when every one of `labels` gets its name where [`token_naming`] placed them.
pub(crate) fn all_named(labels: &[String], (radius, naming): (f32, Naming), zoom: f32) -> bool {
    let line = line_height(zoom);
    let size = MIN_TEXT * zoom;
    match naming {
        Naming::Unnamed => false,
        Naming::Inside => labels
            .iter()
            .all(|label| fits_inside(radius, text_width(label, size), line)),
        Naming::Below | Naming::Beside(_) => true,
    }
}

/// The centre of a token in its cell: the middle, half a line higher to leave its name the line
/// under it, or at the left when its name stands beside it.
pub(crate) fn token_point(cell: Rect, radius: f32, naming: Naming, line: f32) -> Point {
    let centre = cell.center();
    match naming {
        Naming::Below => Point {
            x: centre.x,
            y: centre.y - line / 2.0,
        },
        Naming::Beside(_) => Point {
            x: cell.x + radius + 2.0,
            y: centre.y,
        },
        _ => centre,
    }
}

/// Whether a name `width` wide fits inside a circle of `radius`: the circle's chord where the
/// letters' tops and bottoms are (a quarter of a line above and below the centre) is at least the
/// name and half a pixel either side. (Squares compared: no square root without `std`.)
fn fits_inside(radius: f32, width: f32, line: f32) -> bool {
    let half = width / 2.0 + 0.5;
    let rise = line / 4.0;
    half * half + rise * rise <= radius * radius
}

/// The box of a token's name `width` wide (as estimated), placed from the token's centre; none
/// inside a circle too small for it.
pub(crate) fn name_box(
    at: Point,
    width: f32,
    radius: f32,
    naming: Naming,
    line: f32,
) -> Option<Rect> {
    match naming {
        Naming::Inside => fits_inside(radius, width, line).then(|| Rect {
            x: at.x - width / 2.0 - 0.5,
            y: at.y - line / 2.0,
            width: width + 1.0,
            height: line,
        }),
        Naming::Below => Some(Rect {
            x: at.x - width / 2.0 - 1.0,
            y: at.y + radius + 1.0,
            width: width + 2.0,
            height: line,
        }),
        Naming::Beside(_) => Some(Rect {
            x: at.x + radius + 4.0,
            y: at.y - line / 2.0,
            width: width + 2.0,
            height: line,
        }),
        Naming::Unnamed => None,
    }
}

fn ceil_sqrt(value: usize) -> usize {
    let mut root = 0;
    while root * root < value {
        root += 1;
    }
    root
}
