//! Policy, machine and convention settings, each with a plain-language explanation.

use crate::session::{on_click, on_edit, Dispatch};
use crate::ui::field::{Check, Choice, FieldProblems, TextField};
use std::rc::Rc;

use proclab_app::draft::{Draft, FieldId};
use proclab_app::edit::{Edit, Flag, Levels};
use proclab_app::i18n::{Lang, Text};
use proclab_app::lang::Words;
use proclab_app::messages::FieldMessage;
use proclab_app::{summary, terms};
use proclab_core::spec::{CacheModel, QueueTopology};
use proclab_core::{Convention, PolicyKind, QueueKind};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SettingsProps {
    pub lang: Lang,
    /// The draft's settings only ([`Draft::settings`]): copying 10,000 process rows into three
    /// panels' props on every render was a measurable part of an upload.
    pub draft: Rc<Draft>,
    pub messages: Vec<FieldMessage>,
    pub dispatch: Dispatch,
    /// Some process runs a program: the machine shows its instruction budget.
    #[prop_or_default]
    pub programs: bool,
}

fn text_setter(dispatch: &Dispatch, field: FieldId) -> Callback<String> {
    on_edit(dispatch, move |value| Edit::Text(field, value))
}

fn flag_setter(dispatch: &Dispatch, flag: Flag) -> Callback<bool> {
    on_edit(dispatch, move |on| Edit::Flag(flag, on))
}

/// The MLFQ's levels: a quantum (empty: FCFS) and an allotment each.
fn mlfq_levels_editor(props: &SettingsProps) -> Html {
    let lang = props.lang;
    let dispatch = &props.dispatch;
    let levels = &props.draft.policy.mlfq_levels;
    html! {
        <div class="levels">
            <p class="hint">{ Text::LevelsHint.get(lang) }</p>
            { for levels.iter().enumerate().map(|(index, level)| html! {
                <div class="level-row" key={index}>
                    <TextField field={ FieldId::LevelQuantum(index) }
                        label={ format!("{} {} · {}", Text::Level.get(lang), index, Text::Quantum.get(lang)) }
                        value={ level.quantum.clone() } oninput={ text_setter(dispatch, FieldId::LevelQuantum(index)) } messages={ props.messages.clone() } />
                    // A level without a quantum (FCFS) uses no quanta to count: its allotment is
                    // said to mean nothing there, not asked for (the value typed is kept, and the
                    // field comes back with the quantum, or at once if it has a problem).
                    if level.quantum.trim().is_empty() && !FieldProblems::of(FieldId::LevelAllotment(index), &props.messages).invalid() {
                        <p class="hint level-fcfs" id={format!("level-{index}-fcfs")}>
                            { Text::LevelFcfs.get(lang) }
                            if index + 1 < levels.len() {
                                { " " }<strong>{ Text::LevelFcfsNotLast.get(lang) }</strong>
                            }
                        </p>
                    } else {
                    <TextField field={ FieldId::LevelAllotment(index) } label={ format!("{} {} · {}", Text::Level.get(lang), index, Text::Allotment.get(lang)) }
                        value={ level.allotment.clone() } oninput={ text_setter(dispatch, FieldId::LevelAllotment(index)) } messages={ props.messages.clone() } />
                    }
                </div>
            }) }
            <button type="button" onclick={on_click(dispatch, Edit::AddLevel(Levels::MlfqLevels))}>{ Text::AddLevel.get(lang) }</button>
            <button type="button" onclick={on_click(dispatch, Edit::RemoveLevel(Levels::MlfqLevels))} disabled={levels.len() <= 1}>{ Text::RemoveLevel.get(lang) }</button>
        </div>
    }
}

/// The multilevel queue's queues: each with its own policy (RR with a quantum, FCFS or SJF).
fn mlq_queues_editor(props: &SettingsProps) -> Html {
    let lang = props.lang;
    let dispatch = &props.dispatch;
    let queues = &props.draft.policy.mlq_queues;
    let kinds: Vec<(AttrValue, AttrValue)> = QueueKind::ALL
        .iter()
        .map(|kind| (AttrValue::from(kind.id()), AttrValue::from(kind.get(lang))))
        .collect();
    html! {
        <div class="levels">
            <p class="hint">{ Text::QueuesHint.get(lang) }</p>
            { for queues.iter().enumerate().map(|(index, queue)| {
                let on_kind = on_edit(dispatch, move |id: String| {
                    let kind = QueueKind::ALL.into_iter().find(|kind| kind.id() == id).unwrap_or_default();
                    Edit::QueueKind(index, kind)
                });
                html! {
                    <div class="level-row" key={index}>
                        <Choice id={ format!("queue{index}-kind") } label={ format!("{} {} · {}", Text::Queue.get(lang), index, Text::Policy.get(lang)) }
                            options={ kinds.clone() } selected={ queue.kind.id() } onchange={on_kind} />
                        if queue.kind == QueueKind::Rr {
                            <TextField field={ FieldId::QueueQuantum(index) }
                                label={ format!("{} {} · {}", Text::Queue.get(lang), index, Text::Quantum.get(lang)) }
                                value={ queue.quantum.clone() } oninput={ text_setter(dispatch, FieldId::QueueQuantum(index)) } messages={ props.messages.clone() } />
                        }
                    </div>
                }
            }) }
            <button type="button" onclick={on_click(dispatch, Edit::AddLevel(Levels::MlqQueues))}>{ Text::AddLevel.get(lang) }</button>
            <button type="button" onclick={on_click(dispatch, Edit::RemoveLevel(Levels::MlqQueues))} disabled={queues.len() <= 1}>{ Text::RemoveLevel.get(lang) }</button>
        </div>
    }
}

#[function_component(PolicySettings)]
pub fn policy_settings(props: &SettingsProps) -> Html {
    let lang = props.lang;
    let policy = &props.draft.policy;
    let dispatch = &props.dispatch;
    let t = |text: Text| AttrValue::from(text.get(lang));
    let on_kind = on_edit(dispatch, |id: String| {
        Edit::Policy(PolicyKind::from_id(&id).unwrap_or_default())
    });
    let options: Vec<(AttrValue, AttrValue)> = PolicyKind::ALL
        .iter()
        .map(|kind| (AttrValue::from(kind.id()), AttrValue::from(kind.get(lang))))
        .collect();
    html! {
        <section class="settings policy-bar" aria-labelledby="policy-title">
            <h2 id="policy-title" class="visually-hidden">{ Text::Policy.get(lang) }</h2>
            <Choice id="policy-kind" label={t(Text::Policy)} options={options} selected={policy.kind.id()} onchange={on_kind}
                hint={ AttrValue::from(terms::policy_explanation(policy.kind, lang)) } />
            if let Some(schedule) = &props.draft.schedule {
                <p class="policy-unused" id="policy-unused" role="note">{ if schedule.repeat {
                    Text::PolicyNotUsedFixed.get(lang)
                } else {
                    Text::PolicyNotUsedYouChoose.get(lang)
                } }</p>
            }
            if policy.kind.uses_quantum() {
                <TextField field={FieldId::Quantum} label={t(Text::Quantum)} value={policy.quantum.clone()} hint={t(Text::QuantumHint)}
                    oninput={text_setter(dispatch, FieldId::Quantum)} messages={props.messages.clone()} />
            }
            if policy.kind == PolicyKind::Sjf {
                <Check id="predict" label={t(Text::Predict)} checked={policy.predict} hint={t(Text::PredictHint)}
                    onchange={flag_setter(dispatch, Flag::Predict)} />
                if policy.predict {
                    <TextField field={FieldId::Alpha} label={t(Text::Alpha)} value={policy.alpha.clone()}
                        oninput={text_setter(dispatch, FieldId::Alpha)} messages={props.messages.clone()} />
                    <TextField field={FieldId::Tau0} label={t(Text::Tau0)} value={policy.tau0.clone()}
                        oninput={text_setter(dispatch, FieldId::Tau0)} messages={props.messages.clone()} />
                }
            }
            if policy.kind == PolicyKind::Priority {
                <Check id="preemptive" label={t(Text::Preemptive)} checked={policy.preemptive} hint={t(Text::PreemptiveHint)}
                    onchange={flag_setter(dispatch, Flag::Preemptive)} />
                <Check id="lower-is-higher" label={t(Text::LowerIsHigher)} checked={policy.lower_is_higher}
                    onchange={flag_setter(dispatch, Flag::LowerIsHigher)} />
                <Check id="aging-on" label={t(Text::Aging)} checked={policy.aging} hint={t(Text::AgingHint)}
                    onchange={flag_setter(dispatch, Flag::Aging)} />
                if policy.aging {
                    <TextField field={FieldId::AgingEvery} label={t(Text::AgingEvery)} value={policy.aging_every.clone()}
                        oninput={text_setter(dispatch, FieldId::AgingEvery)} messages={props.messages.clone()} />
                }
            }
            if policy.kind == PolicyKind::Mlq { { mlq_queues_editor(props) } }
            if policy.kind == PolicyKind::Mlfq {
                { mlfq_levels_editor(props) }
                <Check id="boost-on" label={t(Text::Boost)} checked={policy.boost} hint={t(Text::BoostHint)}
                    onchange={flag_setter(dispatch, Flag::Boost)} />
                if policy.boost {
                    <TextField field={FieldId::BoostPeriod} label={t(Text::BoostPeriod)} value={policy.boost_period.clone()}
                        oninput={text_setter(dispatch, FieldId::BoostPeriod)} messages={props.messages.clone()} />
                }
                <Check id="old-rules" label={t(Text::OldRules)} checked={policy.old_rules_4ab} hint={t(Text::OldRulesHint)}
                    onchange={flag_setter(dispatch, Flag::OldRules4ab)} />
                <Check id="io-bump" label={t(Text::IoBump)} checked={policy.io_bump} hint={t(Text::IoBumpHint)}
                    onchange={flag_setter(dispatch, Flag::IoBump)} />
            }
        </section>
    }
}

const TOPOLOGIES: [QueueTopology; 3] = [
    QueueTopology::Shared,
    QueueTopology::Affinity,
    QueueTopology::PerCpu,
];

fn topology_key(topology: QueueTopology) -> &'static str {
    match topology {
        QueueTopology::Shared => "shared",
        QueueTopology::Affinity => "affinity",
        QueueTopology::PerCpu => "per_cpu",
    }
}

fn topology_options(lang: Lang) -> Vec<(AttrValue, AttrValue)> {
    TOPOLOGIES
        .iter()
        .map(|topology| {
            let name = match topology {
                QueueTopology::Shared => Text::TopologyShared,
                QueueTopology::Affinity => Text::Affinity,
                QueueTopology::PerCpu => Text::TopologyPerCpu,
            };
            (
                AttrValue::from(topology_key(*topology)),
                AttrValue::from(name.get(lang)),
            )
        })
        .collect()
}

const CACHE_MODELS: [CacheModel; 2] = [CacheModel::Stall, CacheModel::Warmup];

fn cache_model_key(model: CacheModel) -> &'static str {
    match model {
        CacheModel::Stall => "stall",
        CacheModel::Warmup => "warmup",
    }
}

fn cache_model_options(lang: Lang) -> Vec<(AttrValue, AttrValue)> {
    CACHE_MODELS
        .iter()
        .map(|model| {
            let name = match model {
                CacheModel::Stall => Text::CacheStall,
                CacheModel::Warmup => Text::CacheWarmup,
            };
            (
                AttrValue::from(cache_model_key(*model)),
                AttrValue::from(name.get(lang)),
            )
        })
        .collect()
}

#[derive(Properties, PartialEq)]
struct CacheModelsProps {
    lang: Lang,
    chosen: CacheModel,
}

/// The two cache models side by side, the chosen one marked.
#[function_component(CacheModelsCompared)]
fn cache_models_compared(props: &CacheModelsProps) -> Html {
    let lang = props.lang;
    html! {
        <dl class="cache-models" id="cache-models">
            { for CACHE_MODELS.into_iter().map(|model| {
                let (name, explain) = match model {
                    CacheModel::Stall => (Text::CacheStall, Text::CacheStallExplain),
                    CacheModel::Warmup => (Text::CacheWarmup, Text::CacheWarmupExplain),
                };
                html! {
                    <div class={classes!((model == props.chosen).then_some("chosen"))}>
                        <dt>{ name.get(lang) }</dt>
                        <dd>{ explain.get(lang) }</dd>
                    </div>
                }
            }) }
        </dl>
    }
}

fn topology_hint(topology: QueueTopology, lang: Lang) -> &'static str {
    match topology {
        QueueTopology::Shared => Text::TopologySharedHint.get(lang),
        QueueTopology::Affinity => Text::AffinityHint.get(lang),
        QueueTopology::PerCpu => Text::TopologyPerCpuHint.get(lang),
    }
}

#[function_component(MachineSettings)]
pub fn machine_settings(props: &SettingsProps) -> Html {
    let lang = props.lang;
    let machine = &props.draft.machine;
    let dispatch = &props.dispatch;
    let on_topology = on_edit(dispatch, |key: String| {
        let topology = TOPOLOGIES
            .into_iter()
            .find(|topology| topology_key(*topology) == key)
            .unwrap_or_default();
        Edit::Topology(topology)
    });
    let on_cache_model = on_edit(dispatch, |key: String| {
        let model = CACHE_MODELS
            .into_iter()
            .find(|model| cache_model_key(*model) == key)
            .unwrap_or_default();
        Edit::CacheModel(model)
    });
    let t = |text: Text| AttrValue::from(text.get(lang));
    // Closed to keep the policy and the workload on the first screen, but open while one of its
    // fields has a problem, so the message is never hidden.
    let machine_fields = [
        FieldId::Cpus,
        FieldId::DispatchLatency,
        FieldId::ThreadSwitchLatency,
        FieldId::KernelEntryCost,
        FieldId::CacheCapacity,
        FieldId::CacheRefill,
        FieldId::CacheModel,
        FieldId::WarmupTime,
        FieldId::WarmRate,
        FieldId::PeekInterval,
        FieldId::Seed,
        FieldId::InstructionBudget,
    ];
    let invalid: Vec<FieldId> = props
        .messages
        .iter()
        .map(|message| message.field)
        .filter(|field| machine_fields.contains(field))
        .collect();
    let has_problem = !invalid.is_empty();
    // Whether the student left it open: fixing the last problem must not fold it away (and take
    // the focus out of the field being typed in).
    let (opened, ontoggle) = crate::ui::use_details_open();
    html! {
        <details class="settings machine" id="machine-settings" open={*opened || has_problem} {ontoggle}>
            <summary><h2 id="machine-title">{ Text::Machine.get(lang) }</h2>{ " " }
                <span class="summary-line">{ summary::machine_summary(machine, &invalid, lang) }</span></summary>
            <div class="machine-fields">
            <TextField field={FieldId::Cpus} label={t(Text::Cpus)} value={machine.cpus.clone()}
                oninput={text_setter(dispatch, FieldId::Cpus)} messages={props.messages.clone()} />
            <TextField field={FieldId::DispatchLatency} label={t(Text::DispatchLatency)} value={machine.dispatch_latency.clone()}
                hint={t(Text::DispatchLatencyHint)} oninput={text_setter(dispatch, FieldId::DispatchLatency)} messages={props.messages.clone()} />
            <TextField field={FieldId::ThreadSwitchLatency} label={t(Text::ThreadSwitchLatency)} value={machine.thread_switch_latency.clone()}
                hint={t(Text::ThreadSwitchHint)} oninput={text_setter(dispatch, FieldId::ThreadSwitchLatency)} messages={props.messages.clone()} />
            <TextField field={FieldId::KernelEntryCost} label={t(Text::KernelEntryCost)} value={machine.kernel_entry_cost.clone()}
                hint={t(Text::KernelEntryHint)} oninput={text_setter(dispatch, FieldId::KernelEntryCost)} messages={props.messages.clone()} />
            // Where programs run, or once changed or wrong: a race looped a thousand times had
            // stopped at its example's budget with no field to raise it.
            if props.programs || invalid.contains(&FieldId::InstructionBudget)
                || machine.instruction_budget.trim() != proclab_core::MachineSpec::default().instruction_budget.to_string() {
                <TextField field={FieldId::InstructionBudget} label={t(Text::InstructionBudget)} value={machine.instruction_budget.clone()}
                    hint={t(Text::InstructionBudgetHint)} oninput={text_setter(dispatch, FieldId::InstructionBudget)} messages={props.messages.clone()} />
            }
            <Check id="cache-on" label={t(Text::CacheModel)} checked={machine.cache} hint={t(Text::CacheHint)}
                onchange={flag_setter(dispatch, Flag::Cache)} />
            if machine.cache {
                <TextField field={FieldId::CacheCapacity} label={t(Text::CacheCapacity)} value={machine.cache_capacity.clone()}
                    oninput={text_setter(dispatch, FieldId::CacheCapacity)} messages={props.messages.clone()} />
                <Choice id="cache-model" label={t(Text::CacheModelChoice)} options={cache_model_options(lang)}
                    selected={cache_model_key(machine.cache_model)} onchange={on_cache_model} />
                { FieldProblems::of(FieldId::CacheModel, &props.messages).list() }
                <CacheModelsCompared {lang} chosen={machine.cache_model} />
                if machine.cache_model == CacheModel::Warmup {
                    <TextField field={FieldId::WarmupTime} label={t(Text::WarmupTime)} value={machine.warmup_time.clone()}
                        hint={t(Text::WarmupTimeHint)} oninput={text_setter(dispatch, FieldId::WarmupTime)} messages={props.messages.clone()} />
                    <TextField field={FieldId::WarmRate} label={t(Text::WarmRate)} value={machine.warm_rate.clone()}
                        hint={t(Text::WarmRateHint)} oninput={text_setter(dispatch, FieldId::WarmRate)} messages={props.messages.clone()} />
                } else {
                    <TextField field={FieldId::CacheRefill} label={t(Text::CacheRefill)} value={machine.cache_refill.clone()}
                        oninput={text_setter(dispatch, FieldId::CacheRefill)} messages={props.messages.clone()} />
                }
            }
            <Check id="user-threads" label={t(Text::UserThreads)} checked={machine.user_threads} hint={t(Text::UserThreadsHint)}
                onchange={flag_setter(dispatch, Flag::UserThreads)} />
            <Choice id="topology" label={t(Text::Topology)} options={topology_options(lang)}
                selected={topology_key(machine.topology)} onchange={on_topology}
                hint={AttrValue::from(topology_hint(machine.topology, lang))} />
            if machine.topology == QueueTopology::PerCpu {
                <TextField field={FieldId::PeekInterval} label={t(Text::PeekInterval)} value={machine.peek_interval.clone()}
                    hint={t(Text::PeekIntervalHint)} oninput={text_setter(dispatch, FieldId::PeekInterval)} messages={props.messages.clone()} />
            }
            <TextField field={FieldId::Seed} label={t(Text::seed_label(props.draft.seed_use()))} value={props.draft.seed.clone()} hint={t(Text::SeedHint)}
                oninput={text_setter(dispatch, FieldId::Seed)} messages={props.messages.clone()} />
            </div>
        </details>
    }
}

/// The DOM id of a convention's checkbox.
pub fn convention_dom_id(convention: Convention) -> String {
    format!("conv-{}", convention.field().replace('_', "-"))
}

#[function_component(ConventionSettings)]
pub fn convention_settings(props: &SettingsProps) -> Html {
    let lang = props.lang;
    let any_on = Convention::ALL
        .iter()
        .any(|convention| convention.is_on(&props.draft.conventions));
    // Said once the button (which then leaves) has brought the defaults back; focus goes to the
    // first convention, not to the page.
    let reset = use_state(|| false);
    let policy = props.draft.policy.kind;
    let on_defaults = {
        let (dispatch, reset) = (props.dispatch.clone(), reset.clone());
        // The first one still on screen once every convention is back to its default.
        let first = Convention::ALL
            .into_iter()
            .find(|convention| convention.applies_to(policy))
            .unwrap_or(Convention::ALL[0]);
        Callback::from(move |_: MouseEvent| {
            crate::session::edit(&dispatch, Edit::DefaultConventions);
            reset.set(true);
            crate::browser::focus_later(convention_dom_id(first));
        })
    };
    // Those that can change a run of this policy, and any turned on whatever the policy.
    let (shown, unused): (Vec<Convention>, Vec<Convention>) =
        Convention::ALL.into_iter().partition(|convention| {
            convention.applies_to(policy) || convention.is_on(&props.draft.conventions)
        });
    let check = |convention: Convention| {
        let (label, hint) = terms::convention_words(convention, lang);
        let onchange = on_edit(&props.dispatch, move |on| Edit::Convention(convention, on));
        html! { <Check id={convention_dom_id(convention)} label={label} hint={AttrValue::from(hint)}
        checked={convention.is_on(&props.draft.conventions)} {onchange} /> }
    };
    html! {
        <details class="settings conventions">
            <summary><h2>{ Text::Conventions.get(lang) }</h2></summary>
            <p class="hint">{ Text::ConventionsHint.get(lang) }</p>
            { for shown.into_iter().map(check) }
            // The boost's rules under round robin, say: folded away, never hidden (a link may
            // have set one, and it stays to be unset).
            if !unused.is_empty() {
                <details class="conventions-unused">
                    <summary>{ format!("{} ({})", Text::ConventionsUnused.get(lang), unused.len()) }</summary>
                    { for unused.into_iter().map(check) }
                </details>
            }
            // The conventions are kept with the workspace: one press brings the textbook back.
            if any_on {
                <button type="button" id="default-conventions" onclick={on_defaults}>{ Text::DefaultConventions.get(lang) }</button>
            }
            <p class="hint" id="conventions-reset" role="status">
                { if *reset && !any_on { Text::TextbookDefaults.get(lang) } else { "" } }
            </p>
        </details>
    }
}

/// The label of a setting's field as the form shows it, for the problems banner (whose first
/// problem may be far from its field: "This number is too large for this field" said nothing
/// there); `None` for a field that is not a setting.
pub(crate) fn setting_title(field: FieldId, lang: Lang) -> Option<String> {
    let t = |text: Text| text.get(lang).to_string();
    let numbered = |what: Text, index: usize, of: Text| {
        format!("{} {} · {}", what.get(lang), index, of.get(lang))
    };
    Some(match field {
        FieldId::Quantum => t(Text::Quantum),
        FieldId::AgingEvery => t(Text::AgingEvery),
        FieldId::Alpha => t(Text::Alpha),
        FieldId::Tau0 => t(Text::Tau0),
        FieldId::BoostPeriod => t(Text::BoostPeriod),
        FieldId::LevelQuantum(index) => numbered(Text::Level, index, Text::Quantum),
        FieldId::LevelAllotment(index) => numbered(Text::Level, index, Text::Allotment),
        FieldId::QueueQuantum(index) => numbered(Text::Queue, index, Text::Quantum),
        FieldId::Cpus => t(Text::Cpus),
        FieldId::DispatchLatency => t(Text::DispatchLatency),
        FieldId::ThreadSwitchLatency => t(Text::ThreadSwitchLatency),
        FieldId::KernelEntryCost => t(Text::KernelEntryCost),
        FieldId::CacheCapacity => t(Text::CacheCapacity),
        FieldId::CacheRefill => t(Text::CacheRefill),
        FieldId::WarmupTime => t(Text::WarmupTime),
        FieldId::WarmRate => t(Text::WarmRate),
        FieldId::PeekInterval => t(Text::PeekInterval),
        FieldId::InstructionBudget => t(Text::InstructionBudget),
        FieldId::Semaphores => t(Text::SemaphoresLabel),
        _ => return None,
    })
}
