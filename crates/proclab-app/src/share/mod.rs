//! Share links: the whole scenario and the language in the URL fragment.
//!
//! This module alone knows the link format: `#/?s=` (the simulator's route, `#/`, with the
//! scenario as its query) then base64url (no padding) of the postcard encoding of [`Link`].
//! Links made while the page routed by path (`#s=...` after the path, or `?s=...`) still open:
//! [`upgrade`] moves them to today's form before the page starts. `Link` is an enum envelope whose first byte is the version, and its
//! `V1` types are frozen copies of the scenario types, converted explicitly, so a link made today
//! opens the same scenario for as long as `V1` is decoded. A decoder never panics: every failure
//! is a [`LinkError`].

use crate::i18n::Lang;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use proclab_core::spec::{QueueTopology, ScenarioSpec};

mod frozen;
use frozen::{Link, LinkV1, MultiV5, OperationsV6, ProgramsV3, TopologyV2};

/// The fragment prefix of a share link.
pub const PREFIX: &str = "#/?s=";
/// The fragment prefix of links made before the page kept its routes in the fragment.
pub const OLD_PREFIX: &str = "#s=";
/// The query parameter form of an old link (`?s=...`), also opened.
const OLD_QUERY: &str = "s=";
/// Longest fragment the decoder looks at; anything longer is refused unread.
pub const MAX_FRAGMENT: usize = 64 * 1024;

/// Why a link could not be opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// Longer than [`MAX_FRAGMENT`].
    TooLong,
    /// Not base64url.
    NotBase64,
    /// Cut short, garbled, or with bytes after the end.
    Corrupt,
    /// A version this build does not know (made by a newer ProcLab).
    UnknownVersion,
}

/// What a link carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shared {
    pub spec: ScenarioSpec,
    pub lang: Lang,
    /// The instant to show the run at (`&t=N` after the payload), if the link names one.
    pub tick: Option<u64>,
    /// The link was copied with the comparison of every policy on screen (`&view=compare`): it
    /// opens on that tab.
    pub compare: bool,
}

/// What follows a link's payload to name the instant it shows: `#/?s=...&t=13`.
pub const TICK_PARAM: &str = "&t=";

/// What follows a link's payload when it opens on the comparison of every policy.
pub const COMPARE_PARAM: &str = "&view=compare";

/// The fragment that opens `spec` in `lang` at `tick` (the payload alone at tick 0), on the
/// comparison tab if `compare`.
pub fn encode_at(spec: &ScenarioSpec, lang: Lang, tick: u64, compare: bool) -> String {
    let mut link = encode(spec, lang);
    if tick != 0 {
        link.push_str(&format!("{TICK_PARAM}{tick}"));
    }
    if compare {
        link.push_str(COMPARE_PARAM);
    }
    link
}

/// The fragment (with [`PREFIX`]) that opens `spec` in `lang`.
pub fn encode(spec: &ScenarioSpec, lang: Lang) -> String {
    let body = LinkV1::from_spec(spec, lang);
    let programs = ProgramsV3::from_spec(spec);
    let topology = match spec.machine.topology {
        QueueTopology::Shared => TopologyV2::Shared,
        QueueTopology::Affinity => TopologyV2::Affinity,
        QueueTopology::PerCpu => TopologyV2::PerCpu,
    };
    let kernel_entry_cost = spec.machine.kernel_entry_cost;
    let multi = MultiV5::from_spec(spec);
    let operations = OperationsV6::from_spec(spec);
    let link = if !operations.is_unused() {
        Link::V6(
            body,
            topology,
            programs,
            kernel_entry_cost,
            multi,
            operations,
        )
    } else if !multi.is_unused() {
        Link::V5(body, topology, programs, kernel_entry_cost, multi)
    } else if kernel_entry_cost != 0 {
        Link::V4(body, topology, programs, kernel_entry_cost)
    } else if !programs.is_unused(spec) {
        Link::V3(body, topology, programs)
    } else if spec.machine.topology == QueueTopology::PerCpu {
        Link::V2(body, topology)
    } else {
        Link::V1(body)
    };
    let bytes = postcard::to_allocvec(&link).unwrap_or_default();
    format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes))
}

/// Reads a fragment made by [`encode`]. `Ok(None)` when the fragment is not a share link at all.
pub fn decode(fragment: &str) -> Result<Option<Shared>, LinkError> {
    let Some(payload) = fragment
        .strip_prefix(PREFIX)
        .or_else(|| fragment.strip_prefix(OLD_PREFIX))
    else {
        return Ok(None);
    };
    if fragment.len() > MAX_FRAGMENT {
        return Err(LinkError::TooLong);
    }
    // The payload, then parameters: `&t=N` names the instant; one unknown or unreadable is
    // left alone (the run opens at its start), so a link made by a later page still opens.
    let (payload, parameters) = payload.split_once('&').unwrap_or((payload, ""));
    let tick = parameters
        .split('&')
        .find_map(|parameter| parameter.strip_prefix("t="))
        .and_then(|tick| tick.parse::<u64>().ok());
    let compare = parameters
        .split('&')
        .any(|parameter| parameter == &COMPARE_PARAM[1..]);
    let bytes = URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .map_err(|_| LinkError::NotBase64)?;
    if bytes.first().is_some_and(|version| *version > 5) {
        return Err(LinkError::UnknownVersion);
    }
    let (link, rest): (Link, &[u8]) =
        postcard::take_from_bytes(&bytes).map_err(|_| LinkError::Corrupt)?;
    if !rest.is_empty() {
        return Err(LinkError::Corrupt);
    }
    let mut shared = match link {
        Link::V1(body) => body.into_shared(),
        Link::V2(body, topology) => {
            let mut shared = body.into_shared();
            shared.spec.machine.topology = topology.into_spec();
            shared
        }
        Link::V3(body, topology, programs) => {
            let mut shared = body.into_shared();
            shared.spec.machine.topology = topology.into_spec();
            programs.apply(&mut shared.spec);
            shared
        }
        Link::V4(body, topology, programs, kernel_entry_cost) => {
            let mut shared = body.into_shared();
            shared.spec.machine.topology = topology.into_spec();
            programs.apply(&mut shared.spec);
            shared.spec.machine.kernel_entry_cost = kernel_entry_cost;
            shared
        }
        Link::V5(body, topology, programs, kernel_entry_cost, multi) => {
            let mut shared = body.into_shared();
            shared.spec.machine.topology = topology.into_spec();
            programs.apply(&mut shared.spec);
            shared.spec.machine.kernel_entry_cost = kernel_entry_cost;
            multi.apply(&mut shared.spec);
            shared
        }
        Link::V6(body, topology, programs, kernel_entry_cost, multi, operations) => {
            let mut shared = body.into_shared();
            shared.spec.machine.topology = topology.into_spec();
            programs.apply(&mut shared.spec);
            shared.spec.machine.kernel_entry_cost = kernel_entry_cost;
            multi.apply(&mut shared.spec);
            operations.apply(&mut shared.spec);
            shared
        }
    };
    shared.tick = tick;
    shared.compare = compare;
    Ok(Some(shared))
}

/// Where an address of an earlier version must move so today's page opens what it meant: the new
/// query (with `?`, or empty) and fragment, or `None` when the address needs no change. An old
/// share link in the fragment (`#s=...`) or in the query (`?s=...`) becomes `#/?s=...`; the rest
/// of the query stays.
pub fn upgrade(search: &str, hash: &str) -> Option<(String, String)> {
    if let Some(payload) = hash.strip_prefix(OLD_PREFIX) {
        return Some((search.to_string(), format!("{PREFIX}{payload}")));
    }
    let query = search.strip_prefix('?')?;
    let mut payload = None;
    let kept: Vec<&str> = query
        .split('&')
        .filter(|pair| match pair.strip_prefix(OLD_QUERY) {
            Some(value) if payload.is_none() => {
                payload = Some(value);
                false
            }
            _ => true,
        })
        .collect();
    let payload = payload?;
    let hash = if hash.starts_with(PREFIX) {
        hash.to_string()
    } else {
        format!("{PREFIX}{payload}")
    };
    let search = if kept.is_empty() {
        String::new()
    } else {
        format!("?{}", kept.join("&"))
    };
    Some((search, hash))
}
