//! Policy, machine and convention settings, each with a plain-language explanation.

use crate::session::{edit, Dispatch};
use crate::ui::field::{Check, Choice, TextField};
use proclab_app::draft::{Draft, FieldId, LevelDraft, PolicyKind};
use proclab_app::i18n::{Lang, Text};
use proclab_app::lang::Words;
use proclab_app::messages::FieldMessage;
use proclab_core::spec::{
    BoostOrder, BoostTiming, Conventions, DispatchTiming, EntryOrder, IoCompletion, IoDevices,
    PickOrder, QueueTopology, RequeueOrder,
};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SettingsProps {
    pub lang: Lang,
    pub draft: Draft,
    pub messages: Vec<FieldMessage>,
    pub dispatch: Dispatch,
}

fn text_setter(dispatch: &Dispatch, write: fn(&mut Draft, String)) -> Callback<String> {
    let dispatch = dispatch.clone();
    Callback::from(move |value: String| edit(&dispatch, move |draft| write(draft, value.clone())))
}

fn flag_setter(dispatch: &Dispatch, write: fn(&mut Draft, bool)) -> Callback<bool> {
    let dispatch = dispatch.clone();
    Callback::from(move |value: bool| edit(&dispatch, move |draft| write(draft, value)))
}

fn level_setter(dispatch: &Dispatch, mlq: bool, index: usize, quantum: bool) -> Callback<String> {
    let dispatch = dispatch.clone();
    Callback::from(move |value: String| {
        edit(&dispatch, move |draft| {
            let levels = if mlq {
                &mut draft.policy.mlq_queues
            } else {
                &mut draft.policy.mlfq_levels
            };
            if let Some(level) = levels.get_mut(index) {
                if quantum {
                    level.quantum = value.clone()
                } else {
                    level.allotment = value.clone()
                }
            }
        })
    })
}

fn policy_name(kind: PolicyKind, lang: Lang) -> &'static str {
    match kind {
        PolicyKind::Fcfs => Text::PolicyFcfs.get(lang),
        PolicyKind::Sjf => Text::PolicySjf.get(lang),
        PolicyKind::Srtf => Text::PolicySrtf.get(lang),
        PolicyKind::Priority => Text::PolicyPriority.get(lang),
        PolicyKind::Hrrn => Text::PolicyHrrn.get(lang),
        PolicyKind::Rr => Text::PolicyRr.get(lang),
        PolicyKind::Mlq => Text::PolicyMlq.get(lang),
        PolicyKind::Mlfq => Text::PolicyMlfq.get(lang),
        PolicyKind::Lottery => Text::PolicyLottery.get(lang),
    }
}

/// The policy's one-line explanation.
pub fn policy_explanation(kind: PolicyKind, lang: Lang) -> &'static str {
    match kind {
        PolicyKind::Fcfs => Text::ExplainFcfs.get(lang),
        PolicyKind::Sjf => Text::ExplainSjf.get(lang),
        PolicyKind::Srtf => Text::ExplainSrtf.get(lang),
        PolicyKind::Priority => Text::ExplainPriority.get(lang),
        PolicyKind::Hrrn => Text::ExplainHrrn.get(lang),
        PolicyKind::Rr => Text::ExplainRr.get(lang),
        PolicyKind::Mlq => Text::ExplainMlq.get(lang),
        PolicyKind::Mlfq => Text::ExplainMlfq.get(lang),
        PolicyKind::Lottery => Text::ExplainLottery.get(lang),
    }
}

pub fn policy_label(kind: PolicyKind, lang: Lang) -> &'static str {
    policy_name(kind, lang)
}

fn levels_editor(props: &SettingsProps, mlq: bool) -> Html {
    let lang = props.lang;
    let dispatch = &props.dispatch;
    let levels = if mlq {
        &props.draft.policy.mlq_queues
    } else {
        &props.draft.policy.mlfq_levels
    };
    let add = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| {
            edit(&dispatch, move |draft| {
                let levels = if mlq {
                    &mut draft.policy.mlq_queues
                } else {
                    &mut draft.policy.mlfq_levels
                };
                levels.push(LevelDraft {
                    quantum: String::new(),
                    allotment: "1".into(),
                });
            })
        })
    };
    let remove = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| {
            edit(&dispatch, move |draft| {
                let levels = if mlq {
                    &mut draft.policy.mlq_queues
                } else {
                    &mut draft.policy.mlfq_levels
                };
                if levels.len() > 1 {
                    levels.pop();
                }
            })
        })
    };
    html! {
        <div class="levels">
            <p class="hint">{ if mlq { Text::QueuesHint.get(lang) } else { Text::LevelsHint.get(lang) } }</p>
            { for levels.iter().enumerate().map(|(index, level)| html! {
                <div class="level-row" key={index}>
                    <TextField field={ if mlq { FieldId::QueueQuantum(index) } else { FieldId::LevelQuantum(index) } }
                        label={ format!("{} {} · {}", if mlq { Text::Queue.get(lang) } else { Text::Level.get(lang) }, index, Text::Quantum.get(lang)) }
                        value={ level.quantum.clone() } oninput={ level_setter(dispatch, mlq, index, true) } messages={ props.messages.clone() } />
                    if !mlq {
                        <TextField field={ FieldId::LevelAllotment(index) } label={ format!("{} {} · {}", Text::Level.get(lang), index, Text::Allotment.get(lang)) }
                            value={ level.allotment.clone() } oninput={ level_setter(dispatch, false, index, false) } messages={ props.messages.clone() } />
                    }
                </div>
            }) }
            <button type="button" onclick={add}>{ Text::AddLevel.get(lang) }</button>
            <button type="button" onclick={remove} disabled={levels.len() <= 1}>{ Text::RemoveLevel.get(lang) }</button>
        </div>
    }
}

#[function_component(PolicySettings)]
pub fn policy_settings(props: &SettingsProps) -> Html {
    let lang = props.lang;
    let policy = &props.draft.policy;
    let dispatch = &props.dispatch;
    let t = |text: Text| AttrValue::from(text.get(lang));
    let on_kind = {
        let dispatch = dispatch.clone();
        Callback::from(move |key: String| {
            if let Some(kind) = PolicyKind::from_key(&key) {
                edit(&dispatch, move |draft| draft.policy.kind = kind);
            }
        })
    };
    let options: Vec<(AttrValue, AttrValue)> = PolicyKind::ALL
        .iter()
        .map(|kind| {
            (
                AttrValue::from(kind.key()),
                AttrValue::from(policy_name(*kind, lang)),
            )
        })
        .collect();
    html! {
        <section class="settings" aria-labelledby="policy-title">
            <h2 id="policy-title">{ Text::Policy.get(lang) }</h2>
            <Choice id="policy-kind" label={t(Text::Policy)} options={options} selected={policy.kind.key()} onchange={on_kind}
                hint={ AttrValue::from(policy_explanation(policy.kind, lang)) } />
            if policy.kind.uses_quantum() {
                <TextField field={FieldId::Quantum} label={t(Text::Quantum)} value={policy.quantum.clone()} hint={t(Text::QuantumHint)}
                    oninput={text_setter(dispatch, |d, v| d.policy.quantum = v)} messages={props.messages.clone()} />
            }
            if policy.kind == PolicyKind::Sjf {
                <Check id="predict" label={t(Text::Predict)} checked={policy.predict} hint={t(Text::PredictHint)}
                    onchange={flag_setter(dispatch, |d, v| d.policy.predict = v)} />
                if policy.predict {
                    <TextField field={FieldId::Alpha} label={t(Text::Alpha)} value={policy.alpha.clone()}
                        oninput={text_setter(dispatch, |d, v| d.policy.alpha = v)} messages={props.messages.clone()} />
                    <TextField field={FieldId::Tau0} label={t(Text::Tau0)} value={policy.tau0.clone()}
                        oninput={text_setter(dispatch, |d, v| d.policy.tau0 = v)} messages={props.messages.clone()} />
                }
            }
            if policy.kind == PolicyKind::Priority {
                <Check id="preemptive" label={t(Text::Preemptive)} checked={policy.preemptive} hint={t(Text::PreemptiveHint)}
                    onchange={flag_setter(dispatch, |d, v| d.policy.preemptive = v)} />
                <Check id="lower-is-higher" label={t(Text::LowerIsHigher)} checked={policy.lower_is_higher}
                    onchange={flag_setter(dispatch, |d, v| d.policy.lower_is_higher = v)} />
                <Check id="aging-on" label={t(Text::Aging)} checked={policy.aging} hint={t(Text::AgingHint)}
                    onchange={flag_setter(dispatch, |d, v| d.policy.aging = v)} />
                if policy.aging {
                    <TextField field={FieldId::AgingEvery} label={t(Text::AgingEvery)} value={policy.aging_every.clone()}
                        oninput={text_setter(dispatch, |d, v| d.policy.aging_every = v)} messages={props.messages.clone()} />
                }
            }
            if policy.kind == PolicyKind::Mlq { { levels_editor(props, true) } }
            if policy.kind == PolicyKind::Mlfq {
                { levels_editor(props, false) }
                <Check id="boost-on" label={t(Text::Boost)} checked={policy.boost} hint={t(Text::BoostHint)}
                    onchange={flag_setter(dispatch, |d, v| d.policy.boost = v)} />
                if policy.boost {
                    <TextField field={FieldId::BoostPeriod} label={t(Text::BoostPeriod)} value={policy.boost_period.clone()}
                        oninput={text_setter(dispatch, |d, v| d.policy.boost_period = v)} messages={props.messages.clone()} />
                }
                <Check id="old-rules" label={t(Text::OldRules)} checked={policy.old_rules_4ab} hint={t(Text::OldRulesHint)}
                    onchange={flag_setter(dispatch, |d, v| d.policy.old_rules_4ab = v)} />
                <Check id="io-bump" label={t(Text::IoBump)} checked={policy.io_bump} hint={t(Text::IoBumpHint)}
                    onchange={flag_setter(dispatch, |d, v| d.policy.io_bump = v)} />
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
    let on_topology = {
        let dispatch = dispatch.clone();
        Callback::from(move |key: String| {
            if let Some(topology) = TOPOLOGIES
                .into_iter()
                .find(|topology| topology_key(*topology) == key)
            {
                edit(&dispatch, move |draft| draft.machine.topology = topology);
            }
        })
    };
    let t = |text: Text| AttrValue::from(text.get(lang));
    html! {
        <section class="settings" aria-labelledby="machine-title">
            <h2 id="machine-title">{ Text::Machine.get(lang) }</h2>
            <TextField field={FieldId::Cpus} label={t(Text::Cpus)} value={machine.cpus.clone()}
                oninput={text_setter(dispatch, |d, v| d.machine.cpus = v)} messages={props.messages.clone()} />
            <TextField field={FieldId::DispatchLatency} label={t(Text::DispatchLatency)} value={machine.dispatch_latency.clone()}
                hint={t(Text::DispatchLatencyHint)} oninput={text_setter(dispatch, |d, v| d.machine.dispatch_latency = v)} messages={props.messages.clone()} />
            <TextField field={FieldId::ThreadSwitchLatency} label={t(Text::ThreadSwitchLatency)} value={machine.thread_switch_latency.clone()}
                hint={t(Text::ThreadSwitchHint)} oninput={text_setter(dispatch, |d, v| d.machine.thread_switch_latency = v)} messages={props.messages.clone()} />
            <Check id="cache-on" label={t(Text::CacheModel)} checked={machine.cache} hint={t(Text::CacheHint)}
                onchange={flag_setter(dispatch, |d, v| d.machine.cache = v)} />
            if machine.cache {
                <TextField field={FieldId::CacheCapacity} label={t(Text::CacheCapacity)} value={machine.cache_capacity.clone()}
                    oninput={text_setter(dispatch, |d, v| d.machine.cache_capacity = v)} messages={props.messages.clone()} />
                <TextField field={FieldId::CacheRefill} label={t(Text::CacheRefill)} value={machine.cache_refill.clone()}
                    oninput={text_setter(dispatch, |d, v| d.machine.cache_refill = v)} messages={props.messages.clone()} />
            }
            <Check id="user-threads" label={t(Text::UserThreads)} checked={machine.user_threads} hint={t(Text::UserThreadsHint)}
                onchange={flag_setter(dispatch, |d, v| d.machine.user_threads = v)} />
            <Choice id="topology" label={t(Text::Topology)} options={topology_options(lang)}
                selected={topology_key(machine.topology)} onchange={on_topology}
                hint={AttrValue::from(topology_hint(machine.topology, lang))} />
            <TextField field={FieldId::Seed} label={t(Text::LotterySeed)} value={props.draft.seed.clone()} hint={t(Text::SeedHint)}
                oninput={text_setter(dispatch, |d, v| d.seed = v)} messages={props.messages.clone()} />
        </section>
    }
}

/// Every convention as (id, label, explanation, is the non-default choice on, setter).
type ConventionRow = (
    &'static str,
    Text,
    Text,
    fn(&Conventions) -> bool,
    fn(&mut Conventions, bool),
);

pub const CONVENTION_ROWS: [ConventionRow; 9] = [
    (
        "conv-requeue",
        Text::ConvRequeue,
        Text::ConvRequeueHint,
        |c| c.requeue_order == RequeueOrder::BeforeArrivals,
        |c, on| {
            c.requeue_order = if on {
                RequeueOrder::BeforeArrivals
            } else {
                RequeueOrder::AfterArrivals
            }
        },
    ),
    (
        "conv-entry",
        Text::ConvEntry,
        Text::ConvEntryHint,
        |c| c.entry_order == EntryOrder::ArrivalsThenIo,
        |c, on| {
            c.entry_order = if on {
                EntryOrder::ArrivalsThenIo
            } else {
                EntryOrder::IoThenArrivals
            }
        },
    ),
    (
        "conv-boost-timing",
        Text::ConvBoostTiming,
        Text::ConvBoostTimingHint,
        |c| c.boost_timing == BoostTiming::BeforeArrivals,
        |c, on| {
            c.boost_timing = if on {
                BoostTiming::BeforeArrivals
            } else {
                BoostTiming::AfterArrivals
            }
        },
    ),
    (
        "conv-boost-order",
        Text::ConvBoostOrder,
        Text::ConvBoostOrderHint,
        |c| c.boost_order == BoostOrder::LowestFirst,
        |c, on| {
            c.boost_order = if on {
                BoostOrder::LowestFirst
            } else {
                BoostOrder::HighestFirst
            }
        },
    ),
    (
        "conv-pick",
        Text::ConvPick,
        Text::ConvPickHint,
        |c| c.pick_order == PickOrder::CyclicScan,
        |c, on| {
            c.pick_order = if on {
                PickOrder::CyclicScan
            } else {
                PickOrder::ReadyQueue
            }
        },
    ),
    (
        "conv-io-completion",
        Text::ConvIoCompletion,
        Text::ConvIoCompletionHint,
        |c| c.io_completion == IoCompletion::Preempt,
        |c, on| {
            c.io_completion = if on {
                IoCompletion::Preempt
            } else {
                IoCompletion::Requeue
            }
        },
    ),
    (
        "conv-dispatch-timing",
        Text::ConvDispatchTiming,
        Text::ConvDispatchTimingHint,
        |c| c.dispatch_timing == DispatchTiming::AtSliceEnd,
        |c, on| {
            c.dispatch_timing = if on {
                DispatchTiming::AtSliceEnd
            } else {
                DispatchTiming::AfterAllEvents
            }
        },
    ),
    (
        "conv-io-devices",
        Text::ConvIoDevices,
        Text::ConvIoDevicesHint,
        |c| c.io_devices == IoDevices::SingleFifo,
        |c, on| {
            c.io_devices = if on {
                IoDevices::SingleFifo
            } else {
                IoDevices::Unlimited
            }
        },
    ),
    (
        "conv-hold",
        Text::ConvHold,
        Text::ConvHoldHint,
        |c| c.hold_cpu_during_io,
        |c, on| c.hold_cpu_during_io = on,
    ),
];

#[function_component(ConventionSettings)]
pub fn convention_settings(props: &SettingsProps) -> Html {
    let lang = props.lang;
    html! {
        <details class="settings conventions">
            <summary><h2>{ Text::Conventions.get(lang) }</h2></summary>
            <p class="hint">{ Text::ConventionsHint.get(lang) }</p>
            { for CONVENTION_ROWS.iter().map(|(id, label, hint, get, set)| {
                let set = *set;
                let dispatch = props.dispatch.clone();
                let onchange = Callback::from(move |on: bool| edit(&dispatch, move |draft| set(&mut draft.conventions, on)));
                html! { <Check id={*id} label={label.get(lang)} hint={AttrValue::from(hint.get(lang))}
                    checked={get(&props.draft.conventions)} {onchange} /> }
            }) }
        </details>
    }
}
