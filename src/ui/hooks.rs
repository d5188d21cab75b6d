//! Hooks the components share.

mod use_copy;
pub mod use_records;

pub use use_copy::{use_copy, CopyState, UseCopyHandle};
pub use use_records::use_records;
