//! Every change a student can make to the workspace, as data: an [`Edit`] can be logged, replayed,
//! tested natively and compared, which a closure cannot. [`Draft::apply`] is the one place that
//! writes the draft.

use proclab_core::spec::{CacheModel, QueueTopology, ScheduleSpec};
use proclab_core::{Convention, PolicyKind, QueueKind};

use crate::draft::{Draft, FieldId, LevelDraft, ProcessDraft, QueueDraft, ThreadDraft};
use crate::lang::Lang;
use std::rc::Rc;

/// An on/off setting of the policy or the machine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flag {
    Preemptive,
    LowerIsHigher,
    Aging,
    Predict,
    Boost,
    OldRules4ab,
    IoBump,
    Cache,
    UserThreads,
}

/// Which list of levels: the multilevel queue's queues or the MLFQ's levels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Levels {
    MlqQueues,
    MlfqLevels,
}

/// One change to the workspace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// The text of one field (every typed field has a [`FieldId`]).
    Text(FieldId, String),
    Flag(Flag, bool),
    Policy(PolicyKind),
    QueueKind(usize, QueueKind),
    Topology(QueueTopology),
    /// The cache model: `stall` (the default) or `warmup` (OSTEP `multi.py`'s).
    CacheModel(CacheModel),
    Convention(Convention, bool),
    /// Every convention back to the textbook's default.
    DefaultConventions,
    AddProcess,
    RemoveProcess(usize),
    DuplicateProcess(usize),
    /// Swaps process `index` with the one after it.
    MoveDown(usize),
    /// Gives a process threads (two copies of its bursts) or one more thread.
    AddThread(usize),
    RemoveThread(usize, usize),
    AddLevel(Levels),
    RemoveLevel(Levels),
    /// Replaces every process (a table pasted from a spreadsheet or a textbook).
    ReplaceProcesses(Vec<ProcessDraft>),
    /// Process `index` runs its program (true) or its bursts; the first switch to a program
    /// with none typed yet writes [`STARTER_PROGRAM`], its comments in the page's language.
    UseProgram(usize, bool, Lang),
    /// "You are the scheduler": the threads chosen so far (`None`: the policy decides).
    Schedule(Option<ScheduleSpec>),
}

/// The program a process gets when the student first switches it to a program: the shared
/// counter of the threads lesson, which three lines make racy.
pub const STARTER_PROGRAM: &str = "# add 1 to a shared counter, %bx times
# (each thread's %bx is set under Initial registers; a register not listed there starts at 0)
.var counter
.main
.top
mov counter, %ax   # load
add $1, %ax        # add
mov %ax, counter   # store
sub $1, %bx
test $0, %bx
jgt .top
halt
";

impl Draft {
    /// Applies `edit`. An edit naming a process, thread or level that no longer exists changes
    /// nothing (a stale click after a removal is harmless).
    pub fn apply(&mut self, edit: &Edit) {
        match edit {
            Edit::Text(field, text) => {
                if let Some(slot) = self.text_mut(*field) {
                    slot.clone_from(text);
                }
            }
            Edit::Flag(flag, on) => *self.flag_mut(*flag) = *on,
            Edit::Policy(kind) => self.policy.kind = *kind,
            Edit::QueueKind(index, kind) => {
                if let Some(queue) = self.policy.mlq_queues.get_mut(*index) {
                    queue.kind = *kind;
                    if *kind == QueueKind::Rr && queue.quantum.trim().is_empty() {
                        queue.quantum = String::from("4");
                    }
                }
            }
            Edit::Topology(topology) => self.machine.topology = *topology,
            Edit::CacheModel(model) => self.machine.cache_model = *model,
            Edit::Convention(convention, on) => convention.set(&mut self.conventions, *on),
            Edit::DefaultConventions => self.conventions = Default::default(),
            Edit::AddProcess => {
                let mut process = ProcessDraft::new_at(self.processes.len());
                process.name = self.free_process_name();
                self.push_process(process);
            }
            Edit::RemoveProcess(index) => {
                if *index < self.processes.len() {
                    Rc::make_mut(&mut self.processes).remove(*index);
                }
            }
            Edit::DuplicateProcess(index) => {
                if let Some(mut copy) = self.processes.get(*index).cloned() {
                    copy.name = self.free_process_name();
                    copy.key = self.take_key();
                    for thread in &mut copy.threads {
                        thread.key = self.take_key();
                    }
                    Rc::make_mut(&mut self.processes).insert(index + 1, copy);
                }
            }
            Edit::MoveDown(index) => {
                if index + 1 < self.processes.len() {
                    Rc::make_mut(&mut self.processes).swap(*index, index + 1);
                }
            }
            Edit::AddThread(index) => {
                let Some(process) = self.processes.get(*index) else {
                    return;
                };
                // A single-threaded process becomes two threads running its bursts. A thread
                // added beside others starts as the last one does, its initial registers too: a
                // racing thread added with bx empty had made one increment instead of three.
                let new_threads = if process.threads.is_empty() { 2 } else { 1 };
                let (bursts, registers) = process.threads.last().map_or_else(
                    || (process.bursts.clone(), String::new()),
                    |thread| (thread.bursts.clone(), thread.registers.clone()),
                );
                for _ in 0..new_threads {
                    let mut thread = ThreadDraft::with_bursts(bursts.clone());
                    thread.registers.clone_from(&registers);
                    thread.key = self.take_key();
                    Rc::make_mut(&mut self.processes)[*index]
                        .threads
                        .push(thread);
                }
            }
            Edit::RemoveThread(index, thread) => {
                if let Some(process) = Rc::make_mut(&mut self.processes).get_mut(*index) {
                    if *thread < process.threads.len() {
                        process.threads.remove(*thread);
                    }
                }
            }
            Edit::UseProgram(index, on, lang) => {
                let Some(process) = self.processes.get(*index) else {
                    return;
                };
                if !*on {
                    // Threads the switch added, still as it added them, go with it: switching on
                    // and off again gives back the process as it was (it had doubled its work).
                    let bursts = process.bursts.clone();
                    let process = &mut Rc::make_mut(&mut self.processes)[*index];
                    let as_added = process.threads.len() == 2
                        && process.threads.iter().all(|thread| {
                            thread.name.is_empty() && thread.bursts == bursts && thread.stack == "1"
                        });
                    if process.threads_from_program && as_added {
                        process.threads.clear();
                    }
                    process.threads_from_program = false;
                    process.runs_program = false;
                    return;
                }
                let first_time = process.program.trim().is_empty();
                let add_threads = process.threads.is_empty();
                if add_threads {
                    // Threads are what races: two of them, each running the process's bursts
                    // should the student keep them after switching back.
                    self.apply(&Edit::AddThread(*index));
                }
                let process = &mut Rc::make_mut(&mut self.processes)[*index];
                process.runs_program = true;
                process.threads_from_program |= add_threads;
                if first_time {
                    process.program = crate::program_words::program_in(STARTER_PROGRAM, *lang);
                }
                if first_time || add_threads {
                    for thread in &mut process.threads {
                        if thread.registers.trim().is_empty() {
                            thread.registers = String::from("bx=3");
                        }
                    }
                }
            }
            Edit::Schedule(schedule) => self.schedule.clone_from(schedule),
            Edit::ReplaceProcesses(processes) => {
                self.processes = Rc::default();
                for process in processes {
                    self.push_process(process.clone());
                }
            }
            Edit::AddLevel(Levels::MlqQueues) => self.policy.mlq_queues.push(QueueDraft {
                kind: QueueKind::Fcfs,
                quantum: String::new(),
            }),
            Edit::AddLevel(Levels::MlfqLevels) => self.policy.mlfq_levels.push(LevelDraft {
                quantum: String::new(),
                allotment: "1".into(),
            }),
            Edit::RemoveLevel(levels) => {
                let count = match levels {
                    Levels::MlqQueues => self.policy.mlq_queues.len(),
                    Levels::MlfqLevels => self.policy.mlfq_levels.len(),
                };
                if count > 1 {
                    match levels {
                        Levels::MlqQueues => self.policy.mlq_queues.truncate(count - 1),
                        Levels::MlfqLevels => self.policy.mlfq_levels.truncate(count - 1),
                    }
                }
            }
        }
    }

    /// The text behind a field, if the field exists.
    pub fn text_mut(&mut self, field: FieldId) -> Option<&mut String> {
        let policy = &mut self.policy;
        let machine = &mut self.machine;
        Some(match field {
            FieldId::Name(p) => &mut Rc::make_mut(&mut self.processes).get_mut(p)?.name,
            FieldId::Arrival(p) => &mut Rc::make_mut(&mut self.processes).get_mut(p)?.arrival,
            FieldId::Priority(p) => &mut Rc::make_mut(&mut self.processes).get_mut(p)?.priority,
            FieldId::Class(p) => &mut Rc::make_mut(&mut self.processes).get_mut(p)?.class,
            FieldId::Bursts(p) => &mut Rc::make_mut(&mut self.processes).get_mut(p)?.bursts,
            FieldId::WorkingSet(p) => {
                &mut Rc::make_mut(&mut self.processes).get_mut(p)?.working_set
            }
            FieldId::Tickets(p) => &mut Rc::make_mut(&mut self.processes).get_mut(p)?.tickets,
            FieldId::ThreadName(p, t) => {
                &mut Rc::make_mut(&mut self.processes)
                    .get_mut(p)?
                    .threads
                    .get_mut(t)?
                    .name
            }
            FieldId::ThreadBursts(p, t) => {
                &mut Rc::make_mut(&mut self.processes)
                    .get_mut(p)?
                    .threads
                    .get_mut(t)?
                    .bursts
            }
            FieldId::ThreadStack(p, t) => {
                &mut Rc::make_mut(&mut self.processes)
                    .get_mut(p)?
                    .threads
                    .get_mut(t)?
                    .stack
            }
            FieldId::Program(p) => &mut Rc::make_mut(&mut self.processes).get_mut(p)?.program,
            FieldId::ThreadRegisters(p, t) => {
                &mut Rc::make_mut(&mut self.processes)
                    .get_mut(p)?
                    .threads
                    .get_mut(t)?
                    .registers
            }
            FieldId::InstructionBudget => &mut machine.instruction_budget,
            FieldId::Schedule => return None,
            FieldId::Quantum => &mut policy.quantum,
            FieldId::AgingEvery => &mut policy.aging_every,
            FieldId::Alpha => &mut policy.alpha,
            FieldId::Tau0 => &mut policy.tau0,
            FieldId::BoostPeriod => &mut policy.boost_period,
            FieldId::LevelQuantum(l) => &mut policy.mlfq_levels.get_mut(l)?.quantum,
            FieldId::LevelAllotment(l) => &mut policy.mlfq_levels.get_mut(l)?.allotment,
            FieldId::QueueQuantum(q) => &mut policy.mlq_queues.get_mut(q)?.quantum,
            FieldId::Cpus => &mut machine.cpus,
            FieldId::DispatchLatency => &mut machine.dispatch_latency,
            FieldId::ThreadSwitchLatency => &mut machine.thread_switch_latency,
            FieldId::KernelEntryCost => &mut machine.kernel_entry_cost,
            FieldId::CacheCapacity => &mut machine.cache_capacity,
            FieldId::CacheRefill => &mut machine.cache_refill,
            FieldId::Seed => &mut self.seed,
            FieldId::Semaphores => &mut self.semaphores,
            FieldId::Processes | FieldId::Version => return None,
            FieldId::PeekInterval => &mut machine.peek_interval,
            FieldId::Affinity(p) => &mut Rc::make_mut(&mut self.processes).get_mut(p)?.cpus,
            FieldId::WarmupTime => &mut machine.warmup_time,
            FieldId::WarmRate => &mut machine.warm_rate,
            // A choice, not text: [`Edit::CacheModel`].
            FieldId::CacheModel => return None,
        })
    }

    fn flag_mut(&mut self, flag: Flag) -> &mut bool {
        match flag {
            Flag::Preemptive => &mut self.policy.preemptive,
            Flag::LowerIsHigher => &mut self.policy.lower_is_higher,
            Flag::Aging => &mut self.policy.aging,
            Flag::Predict => &mut self.policy.predict,
            Flag::Boost => &mut self.policy.boost,
            Flag::OldRules4ab => &mut self.policy.old_rules_4ab,
            Flag::IoBump => &mut self.policy.io_bump,
            Flag::Cache => &mut self.machine.cache,
            Flag::UserThreads => &mut self.machine.user_threads,
        }
    }

    /// The value of an on/off setting.
    pub fn flag(&self, flag: Flag) -> bool {
        match flag {
            Flag::Preemptive => self.policy.preemptive,
            Flag::LowerIsHigher => self.policy.lower_is_higher,
            Flag::Aging => self.policy.aging,
            Flag::Predict => self.policy.predict,
            Flag::Boost => self.policy.boost,
            Flag::OldRules4ab => self.policy.old_rules_4ab,
            Flag::IoBump => self.policy.io_bump,
            Flag::Cache => self.machine.cache,
            Flag::UserThreads => self.machine.user_threads,
        }
    }
}
