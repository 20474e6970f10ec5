//! Entry point of the ProcLab web app: mounts the root component on `<body>`.

fn main() {
    #[cfg(feature = "bench-frames")]
    proclab_web::bench_engine::install();
    proclab_web::browser::upgrade_address();
    yew::Renderer::<proclab_web::App>::new().render();
}
