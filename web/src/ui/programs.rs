//! The results of threads that run programs, at the playback's tick: how the run ended, "you are
//! the scheduler", each program with where every thread is, the registers of every thread, each
//! address space's variables with their last writer, and the interleaving with its lost updates.
//! Everything shown comes from `proclab_app::program_view` over the core's run.

use std::rc::Rc;

use proclab_app::edit::Edit;
use proclab_app::lang::{Lang, Words};
use proclab_app::program_view::{
    address_spaces, blocked_at_the_pause, blocked_words, channel_wait_at_the_pause,
    choices_that_run, choosable, end_sentence, program_of, shared_segment, step_lines_in,
    thread_name, Goal, ProgramText,
};
use proclab_app::simulation::Simulation;
use proclab_app::watch::playback::Playback;
use proclab_app::watch::text::state_name;
use proclab_core::program::Register;
use proclab_core::spec::ScheduleSpec;
use yew::prelude::*;

use crate::session::{edit, Dispatch};
use crate::store::Store;

/// Interleaving lines shown at most (the latest ones up to the tick).
const SHOWN_STEPS: usize = 200;

#[derive(Properties, PartialEq)]
pub struct ProgramsProps {
    pub lang: Lang,
    pub simulation: Rc<Simulation>,
    pub playback: UseReducerHandle<Store<Playback>>,
    pub dispatch: Dispatch,
    /// "Hand back to the policy" has just set aside this many choices, this schedule.
    #[prop_or_default]
    pub set_aside: Option<(usize, ScheduleSpec)>,
}

#[function_component(Programs)]
pub fn programs(props: &ProgramsProps) -> Html {
    let lang = props.lang;
    let simulation = props.simulation.clone();
    let tick = props.playback.tick;
    let key = Rc::as_ptr(&simulation) as usize;
    let analysis = simulation.analysis();
    let state = {
        let simulation = simulation.clone();
        use_memo((key, tick), move |(_, tick)| {
            Rc::new(simulation.run.state_at(*tick))
        })
    };
    let run = &simulation.run;
    let scenario = &simulation.scenario;
    let t = |text: ProgramText| text.get(lang);
    let lost = analysis.lost.len();
    let spaces = address_spaces(run, &state, lang);
    let shared_sync = proclab_app::program_view::shared_sync_rows(run, &state, lang);
    // Updates can be lost only where two threads reach one variable (not in bursts with
    // operations, which have none, nor between processes that share none).
    let has_variables = Goal::fitting(scenario).contains(&Goal::LoseAnUpdate);
    // Steps executed by the tick shown: those of earlier ticks; only the last ones are put in words.
    let done = run
        .program_steps()
        .partition_point(|step| step.tick < state.tick);
    let first_shown = done.saturating_sub(SHOWN_STEPS);
    let lines = {
        let simulation = simulation.clone();
        use_memo(
            (key, lang, first_shown, done),
            move |(_, lang, first, done)| {
                step_lines_in(&simulation.run, simulation.analysis(), *first..*done, *lang)
            },
        )
    };
    // The interleaving's newest step stays in view as the run plays or the playhead moves.
    let interleaving = use_node_ref();
    {
        let interleaving = interleaving.clone();
        use_effect_with((key, done), move |_| {
            if let Some(list) = interleaving.cast::<web_sys::Element>() {
                list.set_scroll_top(list.scroll_height());
            }
        });
    }
    html! {
        <section class="programs" aria-labelledby="programs-title">
            <h2 id="programs-title">{ t(ProgramText::Title) }</h2>
            <p class="hint">{ t(ProgramText::Intro) }</p>
            // The machine's step buttons, again here and kept at the top of the section as it
            // scrolls: the code, memory and registers they change are far above the machine's own.
            <StepBar {lang} playback={props.playback.clone()} simulation={simulation.clone()} />
            <p id="program-end" class="program-end" role="status">{ super::with_code(&end_sentence(run, lang)) }</p>
            if has_variables {
                <p id="lost-count" class={classes!("lost-count", (lost > 0).then_some("lost"))}>
                    { if lost > 0 {
                        format!("{}: {lost}", t(ProgramText::LostInRun))
                    } else if run.deadlock().is_some() && state.tick >= run.end_tick() {
                        t(ProgramText::NoLossDeadlocked).to_string()
                    } else {
                        t(ProgramText::NoLoss).to_string()
                    } }
                </p>
            }
            <Scheduler {lang} simulation={simulation.clone()} dispatch={props.dispatch.clone()} set_aside={props.set_aside.clone()} />
            <div class="program-grid">
                <div class="code-view">
                    <h3>{ t(ProgramText::Code) }</h3>
                    { for scenario.processes().iter().enumerate().filter(|(_, process)| process.program().is_some())
                        .map(|(pid, _)| listing(scenario, &state, pid, lang, "", true)) }
                </div>
                <div class="memory-view">
                    if let Some(segment) = shared_segment(&spaces) {
                        { shm_figure(&segment, &shared_sync, lang) }
                    }
                    <h3>{ t(ProgramText::Memory) }</h3>
                    { for spaces.iter().map(|space| html! {
                        <div class="table-scroll">
                        if !space.words.is_empty() {
                        <table class="memory" id={format!("memory-p{}", space.pid)}>
                            <caption>{ match space.threads.as_slice() {
                                // One thread: its own memory, nothing shared.
                                [only] => format!("{} · {} {only}", space.process, t(ProgramText::UsedBy)),
                                threads => format!("{} · {} {}", space.process, t(ProgramText::SharedBy), threads.join(", ")),
                            } }</caption>
                            <thead><tr>
                                <th scope="col">{ t(ProgramText::Variable) }</th>
                                <th scope="col" class="num">{ t(ProgramText::Address) }</th>
                                <th scope="col" class="num">{ t(ProgramText::Value) }</th>
                                <th scope="col">{ t(ProgramText::LastWriter) }</th>
                            </tr></thead>
                            <tbody>
                                { for space.words.iter().map(|word| html! {
                                    <tr data-variable={word.name.clone()}>
                                        <th scope="row"><code>{ &word.name }</code>
                                            if word.shared { { " " }<span class="shared-word">{ t(ProgramText::Shared) }</span> }
                                        </th>
                                        <td class="num">{ word.address }</td>
                                        <td class="num value">{ word.value }</td>
                                        <td>{ word.last_writer.as_ref().map(|(who, tick)| format!("{who} (t={tick})")).unwrap_or_else(|| "—".into()) }</td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                        }
                        if !space.sync.is_empty() {
                            { sync_table(&format!("sync-p{}", space.pid), &format!("{} · {}", space.process, t(ProgramText::SyncObjects)), &space.sync, lang) }
                        }
                        </div>
                    }) }
                    if !shared_sync.is_empty() {
                        <div class="table-scroll">
                            { sync_table("sync-shared", t(ProgramText::SharedSyncObjects), &shared_sync, lang) }
                        </div>
                    }
                </div>
            </div>
            if !state.queues.is_empty() {
                // The caption above the scrolling box, so it wraps to the screen on a phone
                // instead of running as wide as the table.
                <p class="table-caption" aria-hidden="true">{ t(ProgramText::Queues) }</p>
                <div class="table-scroll">
                <table class="memory queues" id="queues">
                    <caption class="visually-hidden">{ t(ProgramText::Queues) }</caption>
                    <thead><tr>
                        <th scope="col">{ proclab_app::i18n::Text::Name.get(lang) }</th>
                        <th scope="col">{ t(ProgramText::Messages) }</th>
                        <th scope="col">{ t(ProgramText::WaitingToSend) }</th>
                        <th scope="col">{ t(ProgramText::WaitingToReceive) }</th>
                        if state.queues.iter().any(|queue| queue.is_pipe()) {
                            <th scope="col">{ t(ProgramText::WriteEnds) }</th>
                        }
                    </tr></thead>
                    <tbody>
                        { for proclab_app::program_view::channel_rows(&state, lang).into_iter().map(|row| {
                            let any_pipe = state.queues.iter().any(|queue| queue.is_pipe());
                            html! {
                                <tr data-queue={row.name.clone()} data-kind={if row.pipe { "pipe" } else { "queue" }}>
                                    <th scope="row"><code>{ &row.name }</code>{ " " }<span class="queue-kind">{ row.kind }</span></th>
                                    <td class="queue-messages" data-label={t(ProgramText::Messages)}>{ &row.held }</td>
                                    <td class="queue-senders" data-label={t(ProgramText::WaitingToSend)}>{ &row.senders }</td>
                                    <td class="queue-receivers" data-label={t(ProgramText::WaitingToReceive)}>{ &row.receivers }</td>
                                    if any_pipe {
                                        <td class="queue-writers" data-label={t(ProgramText::WriteEnds)}>{ if row.pipe { row.writers.clone() } else { "—".to_string() } }</td>
                                    }
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
                </div>
            }
            if let Some(line) = proclab_app::program_words::kernel_entries(run, lang) {
                <p class="kernel-entries" id="kernel-entries">{ line }</p>
            }
            <WaitGraph {lang} simulation={simulation.clone()} />
            <h3>{ t(ProgramText::Registers) }</h3>
            <div class="table-scroll">
            <table class="registers" id="registers">
                <thead><tr>
                    <th scope="col">{ t(ProgramText::Thread) }</th>
                    <th scope="col">{ t(ProgramText::State) }</th>
                    <th scope="col">{ "pc" }</th>
                    { for Register::ALL.iter().map(|register| html! { <th scope="col" class="num">{ format!("%{}", register.name()) }</th> }) }
                    <th scope="col">{ t(ProgramText::WaitsFor) }</th>
                </tr></thead>
                <tbody>
                    { for state.threads.iter().enumerate().filter_map(|(index, tcb)| tcb.program.as_ref().map(|context| (index, tcb, context))).map(|(index, tcb, context)| html! {
                        <tr>
                            <th scope="row">{ thread_name(scenario, index as u32) }</th>
                            <td>{ state_name(tcb.state, lang) }</td>
                            <td class="num pc" data-label="pc">{ if context.halted { html! { "—" } } else {
                                // With the address's own source line, so it can be found in the
                                // listing; a waiting thread's pc is already past the `lock` or
                                // `wait` it waits in, the line the listing marks it on: said too.
                                let program = program_of(scenario, index as u32);
                                let line = program.and_then(|program| program.line_at(context.pc));
                                let waits_in = context.waiting_for.as_ref().and_then(|_| program?.line_at(context.pc.saturating_sub(1)));
                                let at = match line {
                                    Some(line) => format!("{} · {}", context.pc, lang.pick([format!("{line}행"), format!("line {line}")])),
                                    None => context.pc.to_string(),
                                };
                                html! {
                                    <>
                                        { at }
                                        if let Some(waits) = waits_in {
                                            <span class="waits-in">{ lang.pick([format!(" ({waits}행에서 대기)"), format!(" (waits in line {waits})")]) }</span>
                                        }
                                    </>
                                }
                            } }</td>
                            { for context.registers.iter().zip(Register::ALL).map(|(value, register)| html! {
                                <td class="num" data-label={format!("%{}", register.name())}>{ value }</td>
                            }) }
                            <td data-label={t(ProgramText::WaitsFor)}>{ context.waiting_for.as_ref().map(|(name, holder)| match holder {
                                Some(holder) => format!("{name} ({})", thread_name(scenario, scenario.processes()[holder.pid as usize].first_thread() + holder.tid)),
                                None => name.clone(),
                            }).unwrap_or_else(|| "—".into()) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
            <h3>{ t(ProgramText::Interleaving) }</h3>
            <p class="hint" id="interleaving-ticks">{ t(ProgramText::InterleavingTicks) }</p>
            if first_shown > 0 { <p class="hint">{ format!("… {} {}", t(ProgramText::InterleavingEarlier), first_shown + 1) }</p> }
            if lines.is_empty() { <p class="hint" id="interleaving-empty">{ t(ProgramText::InterleavingEmpty) }</p> }
            <ol class="interleaving" id="interleaving" ref={interleaving} start={(first_shown + 1).to_string()}>
                { for lines.iter().map(|line| html! {
                    <li class={classes!(line.lost.is_some().then_some("lost"), line.fault.then_some("fault"))}>
                        <span class="when">{ format!("t={} CPU{}", line.tick, line.cpu) }</span>
                        <strong class="who">{ &line.who }</strong>
                        <code>{ &line.code }</code>
                        if !line.effect.is_empty() { <span class="effect">{ &line.effect }</span> }
                        if let Some(lost) = &line.lost { <span class="lost-note">{ lost }</span> }
                    </li>
                }) }
            </ol>
        </section>
    }
}

#[derive(Properties)]
struct SchedulerProps {
    lang: Lang,
    simulation: Rc<Simulation>,
    dispatch: Dispatch,
    set_aside: Option<(usize, ScheduleSpec)>,
}

impl PartialEq for SchedulerProps {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
            && Rc::ptr_eq(&self.simulation, &other.simulation)
            && self.set_aside == other.set_aside
    }
}

/// Process `pid`'s program as a numbered listing, each line that threads run next marked with
/// them (`◀ P1.T1`; a thread waiting in a `lock` or `wait` on that line, said waiting). Its ids
/// begin with `prefix` (the presented machine shows one too); without `comments`, each line's
/// comment is left out (the presented listing beside the picture has no room for them).
pub fn listing(
    scenario: &proclab_core::Scenario,
    state: &proclab_core::state::MachineState,
    pid: usize,
    lang: Lang,
    prefix: &str,
    comments: bool,
) -> Html {
    let t = |text: ProgramText| text.get(lang);
    let Some(process) = scenario.processes().get(pid) else {
        return Html::default();
    };
    let source = scenario.program_text(pid as u32);
    let first = process.first_thread();
    // The threads on a CPU: their lines are the ones being run (a presented listing keeps them
    // in view, not only the first thread's).
    let on_cpu = |thread: u32| {
        let reference = state.threads[thread as usize].thread;
        state.cpus.iter().any(|cpu| {
            matches!(cpu.activity, proclab_core::state::CpuActivity::Running { thread } if thread == reference)
        })
    };
    // Which threads will run which line next; a thread waiting for a mutex or a semaphore is
    // shown on the `lock` or `wait` it waits in.
    let at_line = |line: u32| -> Vec<String> {
        (first..first + process.thread_count())
            .filter_map(|thread| {
                let context = state.threads[thread as usize].program.as_ref()?;
                let waits = context.waiting_for.is_some();
                let pc = if waits {
                    context.pc.saturating_sub(1)
                } else {
                    context.pc
                };
                let here = !context.halted
                    && program_of(scenario, thread).and_then(|p| p.line_at(pc)) == Some(line);
                here.then(|| {
                    let name = thread_name(scenario, thread);
                    if waits {
                        format!("{name} ({})", t(ProgramText::Waits))
                    } else {
                        name
                    }
                })
            })
            .collect()
    };
    let title = format!("{prefix}listing-title-p{pid}");
    html! {
        <figure class="listing-box">
            <figcaption id={title.clone()}>{ process.name() }</figcaption>
            if comments && process.written_program().is_some() {
                <p class="hint written-from-bursts">{ t(ProgramText::WrittenFromBursts) }</p>
            }
            // Scrolls sideways, so the browser lets the keyboard reach it: named by its caption.
            <ol class="listing" id={format!("{prefix}listing-p{pid}")} aria-labelledby={title}>
                { for source.lines().enumerate().map(|(index, text)| {
                    let line = index as u32 + 1;
                    let here = at_line(line);
                    let running = (first..first + process.thread_count()).any(|thread| {
                        on_cpu(thread)
                            && state.threads[thread as usize].program.as_ref().is_some_and(|context| {
                                !context.halted
                                    && context.waiting_for.is_none()
                                    && program_of(scenario, thread).and_then(|p| p.line_at(context.pc)) == Some(line)
                            })
                    });
                    // Without comments, a line of code loses its comment; a comment on a line of
                    // its own stays (it had left blank numbered lines at the top).
                    let code = text.split('#').next().unwrap_or("").trim_end();
                    let text = if comments || code.trim().is_empty() { text } else { code };
                    html! {
                        <li class={classes!((!here.is_empty()).then_some("current"), running.then_some("running"))}>
                            // The current line's code gives way to its marker: a long comment is
                            // cut short (whole in its title) so the thread's name stays in view.
                            <span class="line">
                                <code title={(!here.is_empty()).then(|| text.to_string())}>{ if text.is_empty() { " " } else { text } }</code>
                                if !here.is_empty() { <span class="here">{ format!("◀ {}", here.join(", ")) }</span> }
                            </span>
                        </li>
                    }
                }) }
            </ol>
        </figure>
    }
}

/// "You are the scheduler": choose the thread of each next instruction, undo, start over, and
/// the goals the choices reached.
#[function_component(Scheduler)]
fn scheduler(props: &SchedulerProps) -> Html {
    let lang = props.lang;
    let t = |text: ProgramText| text.get(lang);
    let scenario = &props.simulation.scenario;
    let dispatch = props.dispatch.clone();
    let set = move |schedule: Option<ScheduleSpec>| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| edit(&dispatch, Edit::Schedule(schedule.clone())))
    };
    // A click that starts or leaves the scheduler replaces the button it was on, and Undo or
    // Start over disable themselves at the first choice: the focus goes to the next control.
    // Only after such a click: a page just opened (an example picked, a reload) keeps its focus
    // and its scroll where they are.
    let choices_made = scenario.schedule().map(|schedule| schedule.threads.len());
    let previous = use_mut_ref(|| choices_made);
    use_effect_with(choices_made, move |choices_made| {
        if previous.replace(*choices_made) != *choices_made {
            crate::browser::refocus_if_lost(if choices_made.is_some() {
                "#scheduler .choose button, #scheduler-undo, #scheduler-leave"
            } else {
                "#scheduler-start"
            });
        }
    });
    let Some(schedule) = scenario.schedule().cloned() else {
        // The choices just set aside are said here, where the student's eyes are (the banner
        // at the top of the page is screens away on a phone), and can be brought back into the
        // workload as it is now (Undo would also take back what was edited since).
        let bring_back = props
            .set_aside
            .as_ref()
            .map(|(_, schedule)| set(Some(schedule.clone())))
            .unwrap_or_default();
        return html! {
            <div class="scheduler">
                <h3>{ t(ProgramText::Scheduler) }</h3>
                <p class="hint">{ t(ProgramText::SchedulerIntro) }</p>
                if let Some((made, _)) = &props.set_aside {
                    <p class="set-aside" id="scheduler-set-aside" role="status">
                        { proclab_app::program_view::set_aside_sentence(*made, lang) }
                        { " " }
                        <button type="button" class="small" id="scheduler-bring-back" onclick={bring_back}>{ t(if *made == 1 { ProgramText::BringBackOne } else { ProgramText::BringBack }) }</button>
                    </p>
                }
                <button type="button" id="scheduler-start" class="primary"
                    onclick={set(Some(ScheduleSpec { threads: Vec::new(), repeat: false }))}>
                    { t(ProgramText::SchedulerStart) }</button>
            </div>
        };
    };
    let with = |thread: u32, count: usize| {
        let mut next = schedule.clone();
        next.threads.extend(std::iter::repeat_n(thread, count));
        Some(next)
    };
    // Counted at the click, not for every button at each render: only the choices that run
    // something are recorded, so Undo never removes a choice that changed nothing.
    let run_five = |thread: u32| {
        let dispatch = props.dispatch.clone();
        let simulation = props.simulation.clone();
        let schedule = schedule.clone();
        Callback::from(move |_: MouseEvent| {
            let count = choices_that_run(&simulation.run, thread, 5);
            let mut next = schedule.clone();
            next.threads.extend(std::iter::repeat_n(thread, count));
            edit(&dispatch, Edit::Schedule(Some(next)));
        })
    };
    let mut undone = schedule.clone();
    undone.threads.pop();
    let choices: Vec<String> = schedule
        .threads
        .iter()
        .map(|thread| thread_name(scenario, *thread))
        .collect();
    let open = choosable(&props.simulation.run);
    // Numbered by their place in `Goal::ALL`, so a goal's id is the same in every example.
    let fitting = Goal::fitting(scenario);
    let blocked = blocked_at_the_pause(&props.simulation.run, &open);
    html! {
        <div class="scheduler" id="scheduler">
            <h3>{ t(ProgramText::Scheduler) }</h3>
            <p class="hint">{ t(ProgramText::SchedulerIntro) }</p>
            <div class="choose" role="group" aria-label={t(ProgramText::Scheduler)}>
                { for open.iter().zip(&blocked).map(|(thread, blocked)| {
                    let name = thread_name(scenario, *thread);
                    // A blocked thread's choice would be used up without running: it offers none,
                    // and says what it waits for.
                    let Some(object) = blocked else {
                        return html! {
                            <span class="choice">
                                <strong>{ &name }</strong>
                                <button type="button" class="small" id={format!("run-{thread}-1")}
                                    aria-label={format!("{name} · {}", t(ProgramText::RunOne))}
                                    onclick={set(with(*thread, 1))}>{ t(ProgramText::RunOne) }</button>
                                <button type="button" class="small" id={format!("run-{thread}-5")}
                                    aria-label={format!("{name} · {}", t(ProgramText::RunFive))}
                                    onclick={run_five(*thread)}>{ t(ProgramText::RunFive) }</button>
                            </span>
                        };
                    };
                    html! {
                        <span class="choice blocked" id={format!("blocked-{thread}")}>
                            <strong>{ &name }</strong>
                            <span class="muted">{ blocked_words(object, channel_wait_at_the_pause(&props.simulation.run, *thread), lang) }</span>
                        </span>
                    }
                }) }
            </div>
            <div class="scheduler-actions">
                <button type="button" class="small" id="scheduler-undo" disabled={schedule.threads.is_empty()}
                    onclick={set(Some(undone))}>{ t(ProgramText::UndoChoice) }</button>
                <button type="button" class="small" id="scheduler-restart" disabled={schedule.threads.is_empty()}
                    onclick={set(Some(ScheduleSpec { threads: Vec::new(), repeat: schedule.repeat }))}>{ t(ProgramText::StartOver) }</button>
                <button type="button" class="small" id="scheduler-leave" onclick={set(None)}>{ t(ProgramText::SchedulerLeave) }</button>
            </div>
            <p class="choices" id="scheduler-choices">
                <span class="label">{ format!("{} ({}): ", t(ProgramText::Choices), choices.len()) }</span>
                { choices.join(" ") }
            </p>
            <h4>{ t(ProgramText::Goals) }</h4>
            <ul class="goals">
                { for Goal::ALL.iter().enumerate().filter(|(_, goal)| fitting.contains(goal)).map(|(index, goal)| {
                    let reached = goal.reached(props.simulation.analysis());
                    html! {
                        <li id={format!("goal-{index}")} class={classes!(reached.then_some("reached"))} data-reached={reached.to_string()}>
                            <span aria-hidden="true">{ if reached { "✔ " } else { "○ " } }</span>
                            { t(goal.words()) }
                            <span class="visually-hidden">{ format!(" ({})", if reached { t(ProgramText::Reached) } else { t(ProgramText::NotYet) }) }</span>
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}

#[derive(Properties)]
pub struct WaitGraphProps {
    pub lang: Lang,
    pub simulation: Rc<Simulation>,
    /// The figure's id (its arrowhead's is made of it): the presented machine draws the graph
    /// too, while the programs panel's stays in the page.
    #[prop_or(AttrValue::Static("wait-graph"))]
    pub id: AttrValue,
}

impl PartialEq for WaitGraphProps {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
            && self.id == other.id
            && Rc::ptr_eq(&self.simulation, &other.simulation)
    }
}

/// The resource-allocation graph of a deadlock: threads as circles, mutexes and semaphores as
/// squares, requests dashed, assignments solid, the cycle in red.
#[function_component(WaitGraph)]
pub fn wait_graph(props: &WaitGraphProps) -> Html {
    let lang = props.lang;
    let Some((nodes, edges)) = proclab_app::program_view::wait_graph(&props.simulation.run) else {
        return Html::default();
    };
    // Layout on a 360 x 300 box: radius 110 around (180, 150); text is 14 px.
    let at = |index: usize| {
        (
            180.0 + 110.0 * nodes[index].x,
            150.0 + 110.0 * nodes[index].y,
        )
    };
    // The graph is the deadlock's, at the end of the run, whatever tick the machine shows.
    let end = props.simulation.run.end_tick();
    let arrow = format!("{}-arrow", props.id);
    let graph = ProgramText::Graph.get(lang);
    let title = if proclab_app::chart::text::waits_close_a_circle(&props.simulation.run) {
        lang.pick([
            format!("{graph} (교착 상태로 멈춘 t={end})"),
            format!("{graph} at the deadlock (t={end}, the end of the run)"),
        ])
    } else {
        lang.pick([
            format!("{graph} (모두 기다리다 멈춘 t={end}, 순환 없음)"),
            format!("{graph} when every thread left waits (t={end}, the end of the run; no cycle)"),
        ])
    };
    html! {
        <figure class="wait-graph" id={props.id.clone()}>
            <figcaption><strong>{ title.clone() }</strong>{ " " }<span class="hint">{ ProgramText::GraphHint.get(lang) }</span></figcaption>
            <svg viewBox="0 0 360 300" role="img" aria-label={title.clone()}>
                <title>{ title }</title>
                <defs>
                    <marker id={arrow.clone()} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M 0 0 L 10 5 L 0 10 z" fill="context-stroke" />
                    </marker>
                </defs>
                { for edges.iter().map(|edge| {
                    let (x1, y1) = at(edge.from);
                    let (x2, y2) = at(edge.to);
                    // Stop short of the nodes' edges (radius about 26).
                    let (dx, dy) = (x2 - x1, y2 - y1);
                    let length = (dx * dx + dy * dy).sqrt().max(1.0);
                    let (ux, uy) = (dx / length, dy / length);
                    let class = classes!("edge", edge.request.then_some("request"), edge.in_cycle.then_some("cycle"));
                    html! {
                        <line {class} x1={format!("{:.1}", x1 + ux * 28.0)} y1={format!("{:.1}", y1 + uy * 28.0)}
                            x2={format!("{:.1}", x2 - ux * 28.0)} y2={format!("{:.1}", y2 - uy * 28.0)} marker-end={format!("url(#{arrow})")} />
                    }
                }) }
                { for nodes.iter().enumerate().map(|(index, node)| {
                    let (x, y) = at(index);
                    let class = classes!("node", node.resource.then_some("resource"), node.in_cycle.then_some("cycle"));
                    html! {
                        <g {class}>
                            if node.resource {
                                <rect x={format!("{:.1}", x - 26.0)} y={format!("{:.1}", y - 18.0)} width="52" height="36" rx="3" />
                            } else {
                                <circle cx={format!("{:.1}", x)} cy={format!("{:.1}", y)} r="26" />
                            }
                            <text x={format!("{:.1}", x)} y={format!("{:.1}", y + 5.0)} text-anchor="middle">{ &node.label }</text>
                        </g>
                    }
                }) }
            </svg>
        </figure>
    }
}

/// A table of mutexes and semaphores: kind, name, holder or value, waiters first first.
fn sync_table(
    id: &str,
    caption: &str,
    rows: &[proclab_app::program_view::SyncRow],
    lang: Lang,
) -> Html {
    let t = |text: ProgramText| text.get(lang);
    html! {
        <table class="memory sync" id={id.to_string()}>
            <caption>{ caption }</caption>
            <thead><tr>
                <th scope="col">{ t(ProgramText::Kind) }</th>
                <th scope="col">{ proclab_app::i18n::Text::Name.get(lang) }</th>
                <th scope="col">{ t(ProgramText::State) }</th>
                <th scope="col">{ t(ProgramText::Waiters) }</th>
            </tr></thead>
            <tbody>
                { for rows.iter().map(|row| html! {
                    <tr data-sync={row.name.clone()}>
                        <td>{ row.kind }</td>
                        <th scope="row"><code>{ &row.name }</code></th>
                        <td class="sync-state">{ &row.state }</td>
                        <td class="sync-waiters">{ if row.waiters.is_empty() { "—".to_string() } else { row.waiters.join(" → ") } }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

#[derive(Properties, PartialEq)]
struct StepBarProps {
    lang: Lang,
    playback: UseReducerHandle<Store<Playback>>,
    simulation: Rc<Simulation>,
}

/// A tick or an event back and forth, and the clock: what a student tracing the threads needs
/// beside them.
#[function_component(StepBar)]
fn step_bar(props: &StepBarProps) -> Html {
    use proclab_app::watch::playback::PlaybackAction;
    use proclab_app::watch::text::WatchText;
    let lang = props.lang;
    let run = &props.simulation.run;
    let tick = props.playback.tick;
    let end = run.end_tick();
    let (next, previous) = (
        props.simulation.next_told_tick(tick),
        props.simulation.previous_told_tick(tick),
    );
    let seek = |to: Option<u64>, animate: bool| {
        let playback = props.playback.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(tick) = to {
                playback.dispatch(PlaybackAction::Seek { tick, animate });
            }
        })
    };
    html! {
        <div class="step-bar" role="toolbar" aria-label={ProgramText::StepBar.get(lang)}>
            <button type="button" id="steps-event-back" onclick={seek(previous, false)} aria-disabled={previous.is_none().to_string()} aria-label={WatchText::EventBack.get(lang)} title={WatchText::EventBack.get(lang)}>{ "«" }</button>
            <button type="button" id="steps-tick-back" onclick={seek(Some(tick.saturating_sub(1)), false)} aria-disabled={(tick == 0).to_string()} aria-label={WatchText::TickBack.get(lang)} title={WatchText::TickBack.get(lang)}>{ "‹" }</button>
            <output id="steps-clock" aria-live="off">{ format!("t = {tick} / {end}") }</output>
            <button type="button" id="steps-tick-forward" onclick={seek(Some((tick + 1).min(end)), true)} aria-disabled={(tick >= end).to_string()} aria-label={WatchText::TickForward.get(lang)} title={WatchText::TickForward.get(lang)}>{ "›" }</button>
            <button type="button" id="steps-event-forward" onclick={seek(next, true)} aria-disabled={next.is_none().to_string()} aria-label={WatchText::EventForward.get(lang)} title={WatchText::EventForward.get(lang)}>{ "»" }</button>
        </div>
    }
}

/// The shared memory segment drawn as the textbook draws it: the processes that map it on
/// either side, each with where the segment lies in its address space and the variables it keeps
/// to itself, and the segment's words, read by all of them, between.
fn shm_figure(
    segment: &proclab_app::program_view::SharedSegment,
    sync: &[proclab_app::program_view::SyncRow],
    lang: Lang,
) -> Html {
    let t = |text: ProgramText| text.get(lang);
    let half = segment.processes.len().div_ceil(2);
    let (left, right) = segment.processes.split_at(half);
    let process_box = |mapped: &proclab_app::program_view::MappedBy| {
        html! {
            <div class="shm-process" data-pid={mapped.pid.to_string()}>
                <strong>{ &mapped.process }</strong>
                <span class="shm-own">{ if mapped.own.is_empty() {
                    t(ProgramText::ShmNoOwn).to_string()
                } else {
                    format!("{}: {}", t(ProgramText::ShmOwn), mapped.own.join(", "))
                } }</span>
                <span class="shm-at">{ lang.pick([format!("세그먼트: 주소 {}부터", mapped.at), format!("segment at address {}", mapped.at)]) }</span>
            </div>
        }
    };
    let side = |processes: &[proclab_app::program_view::MappedBy], class: &'static str| {
        html! {
            <div class={classes!("shm-side", class)}>
                { for processes.iter().map(|mapped| html! {
                    <div class="shm-mapping">
                        { process_box(mapped) }
                        <span class="shm-link" aria-hidden="true">{ "⇄" }</span>
                    </div>
                }) }
            </div>
        }
    };
    html! {
        <figure class="shm-figure" id="shm-figure">
            <h3>{ t(ProgramText::ShmTitle) }</h3>
            <div class="shm-drawing">
                { side(left, "left") }
                <div class="shm-segment">
                    <strong>{ t(ProgramText::ShmSegment) }</strong>
                    <ul>
                        { for segment.words.iter().map(|word| html! {
                            <li data-variable={word.name.clone()}>
                                <code>{ format!("{} = {}", word.name, word.value) }</code>
                                if let Some((who, tick)) = &word.last_writer {
                                    <span class="shm-writer">{ lang.pick([format!(" ({who}, t={tick})"), format!(" ({who}, t={tick})")]) }</span>
                                }
                            </li>
                        }) }
                        // Its mutexes and semaphores (`.shared mutex`, `.shared sem`) live in it too.
                        { for sync.iter().map(|row| html! {
                            <li data-sync={row.name.clone()}>
                                <code>{ &row.name }</code>{ format!(" · {}: {}", row.kind, row.state) }
                                if !row.waiters.is_empty() {
                                    <span class="shm-writer">{ format!(" ({})", row.waiters.join(" → ")) }</span>
                                }
                            </li>
                        }) }
                    </ul>
                </div>
                { side(right, "right") }
            </div>
            <figcaption>{ segment.caption(lang) }</figcaption>
        </figure>
    }
}
