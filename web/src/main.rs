//! Entry point of the ProcLab web app: mounts the root component on `<body>`.

fn main() {
    yew::Renderer::<proclab_web::App>::new().render();
}
