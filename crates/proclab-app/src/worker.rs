//! What the page's workers do, minus the browser: the messages between the page and a worker and
//! the work itself, so both ends are tested natively.
//!
//! A worker says [`Reply::Ready`] once it listens; the page then sends a [`Request`]:
//! - [`Request::Compare`]: every policy and quantum on a workload; the worker answers with
//!   [`Reply::Progress`] after every run and [`Reply::Done`] at the end;
//! - [`Request::Run`]: one simulation; the worker answers [`Reply::Ran`], whose bulk (the trace
//!   as words, the metrics as bytes, a run of programs' instructions as words) travels beside the text so the page can take it without a
//!   copy, and the page rebuilds the run with [`rebuild`] instead of simulating again.
//!
//! Every reply carries the request's id, so the page drops replies to a workload it has moved on
//! from. To cancel, the page ends the worker and starts a fresh one: the work happens on the
//! worker's own thread, so the page never waits for it.

use serde::{Deserialize, Serialize};

use crate::chart::compare_model::{Comparison, ComparisonJob};
use crate::simulation::Simulation;
use proclab_core::{simulate, Run, RunParts, Scenario, ScenarioSpec};

/// What the page asks a worker. The page sends it with the spec borrowed (`Request<&ScenarioSpec>`,
/// the same text): a copy of 10,000 processes only to write them out cost the page milliseconds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Request<Spec = ScenarioSpec> {
    /// Compare every policy and quantum on `spec`.
    Compare {
        /// Chosen by the page; every reply carries it back.
        id: u32,
        spec: Spec,
    },
    /// Simulate `spec`.
    Run { id: u32, spec: Spec },
}

/// What a worker answers.
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
    /// The run of a [`Request::Run`]. `trace`, `metrics` and `program` are not in the text: the
    /// page's glue posts them beside it (`Uint32Array`, `Uint8Array`, `Uint32Array`) and puts
    /// them back.
    Ran {
        id: u32,
        end_tick: u64,
        instant_count: u64,
        #[serde(skip)]
        trace: Vec<u32>,
        #[serde(skip)]
        metrics: Vec<u8>,
        /// What a run of programs recorded, as words (`RunParts::program`).
        #[serde(skip)]
        program: Vec<u32>,
    },
    /// The request's workload is not valid (the page validates first, so only a page and a
    /// worker of different versions get this).
    NotRun { id: u32, reason: String },
    /// The request could not be read (a page and a worker of different versions).
    Unreadable { reason: String },
}

impl<Spec: Serialize> Request<Spec> {
    /// The request as the text posted to the worker.
    pub fn to_message(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

impl Reply {
    /// The reply's text (without the bulk of [`Reply::Ran`]).
    pub fn to_message(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a reply's text. (As bytes: the page reads every JSON so, and one reader instead of
    /// two keeps a second copy of `serde_json`'s parser out of the page's wasm.)
    pub fn from_message(text: &str) -> Result<Reply, String> {
        serde_json::from_slice(text.as_bytes()).map_err(|error| error.to_string())
    }
}

/// A worker's whole job: reads one request and posts every reply to it through `post`.
pub fn serve(message: &str, mut post: impl FnMut(Reply)) {
    match serde_json::from_str(message) {
        Ok(Request::Compare { id, spec }) => compare(id, spec, post),
        Ok(Request::Run { id, spec }) => post(run(id, &spec)),
        Err(error) => post(Reply::Unreadable {
            reason: error.to_string(),
        }),
    }
}

fn compare(id: u32, spec: ScenarioSpec, mut post: impl FnMut(Reply)) {
    let mut job = ComparisonJob::new(spec);
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

fn run(id: u32, spec: &ScenarioSpec) -> Reply {
    let scenario = match Scenario::new(spec) {
        Ok(scenario) => scenario,
        Err(errors) => {
            return Reply::NotRun {
                id,
                reason: format!("{errors:?}"),
            }
        }
    };
    let parts = simulate(&scenario).to_parts();
    Reply::Ran {
        id,
        end_tick: parts.end_tick,
        instant_count: parts.instant_count,
        trace: parts.trace,
        metrics: postcard::to_allocvec(&parts.metrics).unwrap_or_default(),
        program: parts.program,
    }
}

/// The simulation of `scenario` from a worker's [`Reply::Ran`], without simulating or checking
/// again; `Err` says why the reply does not fit the scenario (then the page simulates itself).
pub fn rebuild(scenario: &Scenario, reply: Reply) -> Result<Simulation, String> {
    let Reply::Ran {
        end_tick,
        instant_count,
        trace,
        metrics,
        program,
        ..
    } = reply
    else {
        return Err(String::from("not a run"));
    };
    let metrics = postcard::from_bytes(&metrics).map_err(|error| error.to_string())?;
    let parts = RunParts {
        trace,
        metrics,
        end_tick,
        instant_count,
        program,
    };
    let run = Run::from_parts(scenario, parts).map_err(|error| format!("{error:?}"))?;
    Ok(Simulation::with_run(scenario.clone(), run))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proclab_core::presets::preset;

    fn replies(message: &str) -> Vec<Reply> {
        let mut replies = Vec::new();
        serve(message, |reply| replies.push(reply));
        replies
    }

    /// Through the text the page reads, as in the browser, with the bulk carried beside it.
    fn through_text(reply: Reply) -> Reply {
        let read = Reply::from_message(&reply.to_message()).unwrap();
        match (reply, read) {
            (
                Reply::Ran {
                    trace,
                    metrics,
                    program,
                    ..
                },
                Reply::Ran {
                    id,
                    end_tick,
                    instant_count,
                    ..
                },
            ) => Reply::Ran {
                id,
                end_tick,
                instant_count,
                trace,
                metrics,
                program,
            },
            (_, read) => read,
        }
    }

    #[test]
    fn a_comparison_gets_progress_after_every_run_then_the_comparison() {
        let spec = preset("fcfs-convoy").unwrap().spec;
        let request = Request::Compare {
            id: 7,
            spec: spec.clone(),
        };
        let replies: Vec<Reply> = replies(&request.to_message())
            .into_iter()
            .map(through_text)
            .collect();
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
    fn a_run_rebuilt_from_the_workers_reply_is_the_run() {
        for preset in proclab_core::presets::presets() {
            let spec = preset.spec;
            let request = Request::Run {
                id: 3,
                spec: spec.clone(),
            };
            let [reply] = replies(&request.to_message()).try_into().unwrap();
            let reply = through_text(reply);
            assert!(matches!(reply, Reply::Ran { id: 3, .. }));
            let scenario = Scenario::new(&spec).unwrap();
            let rebuilt = rebuild(&scenario, reply).expect("the reply fits the spec");
            let here = Simulation::new(&spec).unwrap();
            assert_eq!(rebuilt.run.events(), here.run.events());
            assert_eq!(rebuilt.run.metrics(), here.run.metrics());
            let middle = here.run.end_tick() / 2;
            assert_eq!(rebuilt.run.state_at(middle), here.run.state_at(middle));
            assert_eq!(rebuilt.run.program_steps(), here.run.program_steps());
            assert_eq!(rebuilt.run.deadlock(), here.run.deadlock());
            assert_eq!(rebuilt.run.end(), here.run.end());
        }
    }

    #[test]
    fn a_reply_that_does_not_fit_the_workload_is_refused() {
        // The page matches replies to requests by id; the rebuild still checks that the trace
        // could belong to the workload (here it names threads a smaller workload does not have).
        let spec = preset("fcfs-convoy").unwrap().spec;
        let request = Request::Run { id: 1, spec };
        let [reply] = replies(&request.to_message()).try_into().unwrap();
        let mut smaller = preset("fcfs-convoy").unwrap().spec;
        smaller.processes.truncate(1);
        assert!(rebuild(&Scenario::new(&smaller).unwrap(), reply).is_err());
    }

    #[test]
    fn an_unreadable_request_is_answered_not_dropped() {
        let replies = replies("{\"Run\": {\"id\": 1}}");
        assert!(matches!(replies.as_slice(), [Reply::Unreadable { .. }]));
    }
}
