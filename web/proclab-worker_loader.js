// Starts the page's worker (src/bin/proclab-worker.rs): its wasm-bindgen glue, then its wasm,
// passed the way wasm-bindgen asks for (an object; a bare path logs a deprecation warning).
importScripts("./proclab-worker.js");
wasm_bindgen({ module_or_path: "./proclab-worker_bg.wasm" });
