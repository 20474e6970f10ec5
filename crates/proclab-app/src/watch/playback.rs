//! Playback of a run: where the cursor is (tick and progress through that instant's animation),
//! whether it plays, and how fast. A pure reducer; the animation-frame loop only sends `Advance`.

use crate::reduce::Reduce;

/// Speeds offered, in hundredths (25 = 0.25×).
pub const SPEEDS: [u32; 7] = [25, 50, 100, 200, 400, 800, 1600];
/// Ticks per second at 1×.
const TICKS_PER_SECOND: u32 = 2;
/// A context switch plays this many times slower, so its steps can be followed.
const SWITCH_SLOWDOWN: u32 = 4;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Playback {
    pub tick: u64,
    /// Permille through the animation of `tick`'s instant (1000 = settled).
    pub progress: u32,
    pub playing: bool,
    /// Paused, but finishing the animation of a step.
    pub animating: bool,
    pub speed: usize,
    /// Last tick of the run.
    pub end: u64,
    /// Where playing stops by itself (Practice's "Show": the first wrong decision); any control
    /// the student uses forgets it.
    pub stop_at: Option<u64>,
    /// The instant the student was at before an edit's shorter run clamped `tick` to its end
    /// (`tick` itself otherwise): an edit that makes the run long enough again goes back there
    /// (typing a line that deadlocked the program for a moment had left the student at its
    /// end, t=9 of 50, instead of t=11).
    pub wanted: u64,
}

impl Default for Playback {
    fn default() -> Self {
        Playback {
            tick: 0,
            progress: 1000,
            playing: false,
            animating: false,
            speed: 2,
            end: 0,
            stop_at: None,
            wanted: 0,
        }
    }
}

impl Playback {
    /// Plays from `from` and stops, settled, at `to` (a run not yet known is taken to reach `to`).
    pub fn play_until(from: u64, to: u64) -> Playback {
        Playback {
            tick: from.min(to),
            progress: 0,
            playing: true,
            end: to,
            stop_at: Some(to),
            ..Playback::default()
        }
    }
}

pub enum PlaybackAction {
    /// A new run: after an edit, stay at the same tick if it still exists, else go to its end;
    /// of a workload just loaded (an example, a file, a link), at `restart` (its first tick, or
    /// the one a link names), clamped to the run's end.
    Reset {
        end: u64,
        restart: Option<u64>,
    },
    /// A new run that grew by the instructions the student just chose ("you are the
    /// scheduler"): go to its end and play that last instant.
    Follow {
        end: u64,
    },
    Toggle,
    SetSpeed(usize),
    /// Jump to an instant; `animate` replays its transitions from the start.
    Seek {
        tick: u64,
        animate: bool,
    },
    /// Time passed while playing; `switching` slows the instant down.
    Advance {
        milliseconds: u32,
        switching: bool,
    },
}

impl Reduce for Playback {
    type Action = PlaybackAction;

    fn reduce(&self, action: PlaybackAction) -> Option<Playback> {
        let mut next = self.clone();
        let edited = matches!(action, PlaybackAction::Reset { restart: None, .. });
        match action {
            PlaybackAction::Reset { end, .. } if self.stop_at.is_some_and(|stop| stop <= end) => {
                // The run "Show" opened arrives: keep playing towards the stop.
                next.end = end;
            }
            PlaybackAction::Reset { end, restart } => {
                // An edit keeps the student where they were (clamped to the new run's end); another
                // workload starts at its beginning (the last one's instant means nothing in it).
                next = Playback {
                    end,
                    speed: self.speed,
                    tick: restart.unwrap_or(self.wanted).min(end),
                    wanted: restart.unwrap_or(self.wanted),
                    ..Playback::default()
                };
            }
            PlaybackAction::Follow { end } => {
                next = Playback {
                    end,
                    speed: self.speed,
                    tick: end,
                    progress: 0,
                    animating: true,
                    ..Playback::default()
                };
            }
            PlaybackAction::Toggle => {
                next.stop_at = None;
                next.playing = !self.playing;
                if next.playing && self.tick >= self.end && self.progress >= 1000 {
                    next.tick = 0;
                    next.progress = 0;
                }
            }
            PlaybackAction::SetSpeed(index) => next.speed = index.min(SPEEDS.len() - 1),
            PlaybackAction::Seek { tick, animate } => {
                next.stop_at = None;
                next.tick = tick.min(self.end);
                next.progress = if animate { 0 } else { 1000 };
                next.animating = animate && !self.playing;
            }
            PlaybackAction::Advance {
                milliseconds,
                switching,
            } => {
                if !self.playing && !self.animating {
                    return None;
                }
                let mut gained =
                    milliseconds.min(250) * TICKS_PER_SECOND * SPEEDS[self.speed] / 100;
                if switching {
                    gained /= SWITCH_SLOWDOWN;
                }
                let total = self.progress + gained.max(1);
                if !self.playing {
                    next.progress = total.min(1000);
                    next.animating = total < 1000;
                } else if total < 1000 {
                    next.progress = total;
                } else if self.tick < self.end && self.stop_at.is_none_or(|stop| self.tick < stop) {
                    next.tick = self.tick + 1;
                    next.progress = (total - 1000).min(999);
                } else {
                    next.progress = 1000;
                    next.playing = false;
                    next.stop_at = None;
                }
            }
        }
        // Only an edit's run keeps the instant wanted apart from the one shown; anything else
        // the student does, or a run of another workload, is where they want to be.
        if !edited || next.stop_at.is_some() {
            next.wanted = next.tick;
        }
        (next != *self).then_some(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reset(playback: &Playback, end: u64) -> Playback {
        playback
            .reduce(PlaybackAction::Reset { end, restart: None })
            .unwrap_or_else(|| playback.clone())
    }

    #[test]
    fn an_edit_that_shortens_the_run_for_a_moment_leaves_the_student_where_they_were() {
        let at = Playback::default()
            .reduce(PlaybackAction::Reset {
                end: 50,
                restart: Some(0),
            })
            .unwrap()
            .reduce(PlaybackAction::Seek {
                tick: 11,
                animate: false,
            })
            .unwrap();
        let short = reset(&at, 9);
        assert_eq!((short.tick, short.wanted), (9, 11));
        let long = reset(&short, 50);
        assert_eq!(long.tick, 11, "back where the student was");
        // Moving while the run is short is where the student now wants to be.
        let moved = short
            .reduce(PlaybackAction::Seek {
                tick: 4,
                animate: false,
            })
            .unwrap();
        assert_eq!(reset(&moved, 50).tick, 4);
        // Another workload starts where it is told.
        let loaded = short
            .reduce(PlaybackAction::Reset {
                end: 50,
                restart: Some(0),
            })
            .unwrap();
        assert_eq!((loaded.tick, loaded.wanted), (0, 0));
    }
}
