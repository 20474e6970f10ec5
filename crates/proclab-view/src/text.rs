//! Every box a text of the scene may be set in, with the part of the picture it belongs to, so a
//! test can say that no two texts overlap and none leaves its part, at any width.

use alloc::vec::Vec;

use crate::{Rect, Scene};

/// One text's box and the box it must stay inside.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextBox {
    /// What the text is (for messages).
    pub what: &'static str,
    pub rect: Rect,
    pub container: Rect,
}

impl Scene {
    /// The box of every text the canvas may set for this scene: the clock, node titles, token
    /// names, every arrow's caption room, each CPU's lines, each lane's title, entries and `+N`,
    /// and the I/O box's title, labels and ellipsis.
    pub fn text_boxes(&self) -> Vec<TextBox> {
        let mut boxes = Vec::new();
        let mut add = |what, rect, container| {
            boxes.push(TextBox {
                what,
                rect,
                container,
            })
        };
        add("clock", self.clock, self.diagram);
        for node in &self.nodes {
            add("node title", node.title, node.rect);
        }
        for token in &self.tokens {
            let container = if token.moving {
                self.diagram
            } else {
                self.nodes
                    .iter()
                    .find(|node| node.state == token.state)
                    .map_or(self.diagram, |node| node.rect)
            };
            if let Some(rect) = token.label_box {
                add("token name", rect, container);
            }
        }
        for arrow in &self.arrows {
            add("arrow caption", arrow.caption, self.diagram);
        }
        for cpu in &self.cpus {
            add("CPU title", cpu.title, cpu.rect);
            for line in cpu.lines {
                add("switch line", line, cpu.rect);
            }
            add("cache caption", cpu.cache_caption, cpu.rect);
        }
        for lane in &self.lanes {
            add("lane title", lane.title, lane.rect);
            for cell in &lane.cells {
                add("queue entry", *cell, lane.rect);
            }
            if let Some((rect, _)) = lane.more {
                add("+N", rect, lane.rect);
            }
        }
        add("I/O title", self.io_title, self.io_rect);
        for (rect, _) in &self.io_row.labels {
            add("I/O entry", *rect, self.io_rect);
        }
        if let Some(rect) = self.io_row.more {
            add("I/O ellipsis", rect, self.io_rect);
        }
        boxes
    }
}
