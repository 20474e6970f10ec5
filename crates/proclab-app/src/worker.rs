//! What the page's worker does, minus the browser: the messages between the page and the worker
//! and the work itself, so both ends are tested natively.
//!
//! The worker says [`Reply::Ready`] once it listens; the page then sends a [`Request`] (a workload to compare, as JSON text); the worker answers with
//! [`Reply::Progress`] after every run and [`Reply::Done`] at the end, each tagged with the
//! request's id so the page can drop replies to a workload it has moved on from. To cancel, the
//! page ends the worker and starts a fresh one: the runs happen on the worker's own thread, so the
//! page never waits for them.

use serde::{Deserialize, Serialize};

use crate::chart::compare_model::{Comparison, ComparisonJob};
use proclab_core::ScenarioSpec;

/// What the page asks the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// Chosen by the page; every reply carries it back.
    pub id: u32,
    /// The workload whose policies and quanta to compare.
    pub spec: ScenarioSpec,
}

/// What the worker answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    /// The worker has loaded and listens: a request posted before this would have been lost.
    Ready,
    /// `finished` of `total` runs are done.
    Progress {
        id: u32,
        finished: usize,
        total: usize,
    },
    /// The whole comparison.
    Done { id: u32, comparison: Comparison },
    /// The request could not be read (a page and a worker of different versions).
    Unreadable { reason: String },
}

impl Request {
    /// The request as the text posted to the worker.
    pub fn to_message(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

impl Reply {
    /// The reply as the text posted back to the page.
    pub fn to_message(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a reply the worker posted.
    pub fn from_message(text: &str) -> Result<Reply, String> {
        serde_json::from_str(text).map_err(|error| error.to_string())
    }
}

/// The worker's whole job: reads one request and posts every reply to it through `post`.
pub fn serve(message: &str, mut post: impl FnMut(Reply)) {
    let request: Request = match serde_json::from_str(message) {
        Ok(request) => request,
        Err(error) => {
            post(Reply::Unreadable {
                reason: error.to_string(),
            });
            return;
        }
    };
    let id = request.id;
    let mut job = ComparisonJob::new(request.spec);
    let total = job.total();
    post(Reply::Progress {
        id,
        finished: 0,
        total,
    });
    while job.step() {
        post(Reply::Progress {
            id,
            finished: job.finished(),
            total,
        });
    }
    post(Reply::Done {
        id,
        comparison: job.finish(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use proclab_core::presets::preset;

    fn replies(message: &str) -> Vec<Reply> {
        let mut replies = Vec::new();
        // Through the text the page reads, as in the browser.
        serve(message, |reply| {
            replies.push(Reply::from_message(&reply.to_message()).unwrap())
        });
        replies
    }

    #[test]
    fn a_request_gets_progress_after_every_run_then_the_comparison() {
        let spec = preset("fcfs-convoy").unwrap().spec;
        let request = Request {
            id: 7,
            spec: spec.clone(),
        };
        let replies = replies(&request.to_message());
        let expected = Comparison::of(&spec);
        let total = expected.rows.len() + expected.points.len();
        assert_eq!(replies.len(), total + 2);
        for (finished, reply) in replies[..=total].iter().enumerate() {
            assert_eq!(
                *reply,
                Reply::Progress {
                    id: 7,
                    finished,
                    total
                }
            );
        }
        assert_eq!(
            replies[total + 1],
            Reply::Done {
                id: 7,
                comparison: expected
            }
        );
    }

    #[test]
    fn an_unreadable_request_is_answered_not_dropped() {
        let replies = replies("{\"id\": 1}");
        assert!(matches!(replies.as_slice(), [Reply::Unreadable { .. }]));
    }
}
