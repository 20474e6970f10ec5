//! The page's end of its service worker (`web/sw.js`): the release build registers it, so the
//! app keeps working offline after the first visit; when a new version has installed and waits,
//! [`use_waiting_update`] returns it, and [`switch_to`] lets it take over and reloads the page,
//! so old and new files never mix in one page.
//!
//! Debug builds (`./dev serve --debug`) register nothing: a rebuild shows at once. Browsers
//! without service workers (or an address that is not secure) simply run online.

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    RegistrationOptions, ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration,
    ServiceWorkerState, ServiceWorkerUpdateViaCache,
};
use yew::prelude::*;

thread_local! {
    /// Set when the student chose to switch: the next change of controller reloads the page
    /// (and only then: the first visit's worker also takes control, with nothing to reload).
    static SWITCHING: Cell<bool> = const { Cell::new(false) };
}

/// The new version waiting to take over, once there is one.
#[hook]
pub fn use_waiting_update() -> Option<ServiceWorker> {
    let waiting = use_state(|| None::<ServiceWorker>);
    {
        let waiting = waiting.setter();
        use_effect_with((), move |_| {
            register(move |worker| waiting.set(Some(worker)));
        });
    }
    (*waiting).clone()
}

/// Lets the waiting version take over; the page reloads when it has.
pub fn switch_to(worker: &ServiceWorker) {
    SWITCHING.with(|switching| switching.set(true));
    if worker.post_message(&"skip-waiting".into()).is_err() {
        reload();
    }
}

fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// The service worker container, where the browser has one.
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Undefined in insecure contexts: the getter would hand back `undefined` as a container.
    let value = js_sys::Reflect::get(&navigator, &"serviceWorker".into()).ok()?;
    value.dyn_into::<ServiceWorkerContainer>().ok()
}

fn register(on_waiting: impl Fn(ServiceWorker) + 'static) {
    if cfg!(debug_assertions) {
        return;
    }
    let Some(container) = container() else {
        return;
    };
    let options = RegistrationOptions::new();
    // The browser asks the server for sw.js itself on every check, never an HTTP-cached copy.
    options.set_update_via_cache(ServiceWorkerUpdateViaCache::None);
    let registering = container.register_with_options("sw.js", &options);
    EventListener::new(&container, "controllerchange", |_| {
        if SWITCHING.with(Cell::get) {
            reload();
        }
    })
    .forget();
    let on_waiting: Rc<dyn Fn(ServiceWorker)> = {
        let container = container.clone();
        // A waiting worker with no controller is the first install: nothing old to replace.
        Rc::new(move |worker| {
            if container.controller().is_some() {
                on_waiting(worker);
            }
        })
    };
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = JsFuture::from(registering).await else {
            return;
        };
        let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else {
            return;
        };
        if let Some(worker) = registration.waiting() {
            on_waiting(worker);
        }
        let found = registration.clone();
        EventListener::new(&registration, "updatefound", move |_| {
            let Some(installing) = found.installing() else {
                return;
            };
            let on_waiting = on_waiting.clone();
            let worker = installing.clone();
            EventListener::new(&installing, "statechange", move |_| {
                if worker.state() == ServiceWorkerState::Installed {
                    on_waiting(worker.clone());
                }
            })
            .forget();
        })
        .forget();
    });
}
