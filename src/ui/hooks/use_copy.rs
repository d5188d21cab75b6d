//! "Copy, then say Copied for a moment": the copy buttons of the card, the
//! cite panel and the playground.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

/// How long "Copied" stays, in milliseconds.
const SHOWN_MS: u32 = 3000;

/// What the last copy did, for a live region to announce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CopyState {
    /// Nothing to say.
    #[default]
    Idle,
    /// The clipboard took the text (said for a moment, then `Idle`).
    Copied,
    /// The clipboard was denied (said until the next copy or reset).
    Denied,
}

/// The handle [`use_copy`] returns.
#[derive(Clone, PartialEq)]
pub struct UseCopyHandle {
    state: UseStateHandle<CopyState>,
    /// Counts copies, so that an earlier copy's timer never clears the
    /// state of a later one.
    generation: Rc<Cell<u32>>,
}

impl UseCopyHandle {
    /// What the last copy did.
    pub fn state(&self) -> CopyState {
        *self.state
    }

    /// Say nothing again (the copied content changed).
    pub fn reset(&self) {
        self.generation.set(self.generation.get().wrapping_add(1));
        self.state.set(CopyState::Idle);
    }

    /// Copy `text` (with `html` as rich text beside it, when not empty);
    /// `denied` runs when the clipboard refuses, for a fallback such as
    /// selecting the text.
    pub fn copy(&self, text: String, html: String, denied: Box<dyn FnOnce()>) {
        // One copy of this future for every caller (a generic `denied`
        // would make one per call site).
        let generation = self.generation.get().wrapping_add(1);
        self.generation.set(generation);
        let (state, current) = (self.state.clone(), self.generation.clone());
        wasm_bindgen_futures::spawn_local(async move {
            if !crate::browser::copy_rich(&text, &html).await {
                denied();
                state.set(CopyState::Denied);
                return;
            }
            state.set(CopyState::Copied);
            crate::browser::wait(SHOWN_MS).await;
            if current.get() == generation {
                state.set(CopyState::Idle);
            }
        });
    }

    /// A click handler that copies `text` and `html`.
    pub fn on_click(&self, text: String, html: String) -> Callback<MouseEvent> {
        let handle = self.clone();
        Callback::from(move |_: MouseEvent| {
            handle.copy(text.clone(), html.clone(), Box::new(|| {}));
        })
    }
}

/// Copy to the clipboard and say what happened: [`CopyState::Copied`] for a
/// moment after a copy, [`CopyState::Denied`] when the clipboard refused.
#[hook]
pub fn use_copy() -> UseCopyHandle {
    UseCopyHandle {
        state: use_state(CopyState::default),
        generation: use_memo((), |_| Cell::new(0)),
    }
}
