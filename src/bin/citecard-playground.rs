//! The playground that `trunk serve` opens.

fn main() {
    yew::Renderer::<citecard::ui::playground::Playground>::new().render();
}

/// The allocator: talc, smaller in the bundle than Rust's default (dlmalloc).
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
