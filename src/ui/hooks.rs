//! Hooks the components share.

mod use_copy;

pub use use_copy::{use_copy, CopyState, UseCopyHandle};
