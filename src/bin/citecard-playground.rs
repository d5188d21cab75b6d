//! The playground that `trunk serve` opens.

fn main() {
    yew::Renderer::<citecard::ui::playground::Playground>::new().render();
}
