//! Publication lists: what a list of many records needs beyond each record's
//! card. `fold` is text folded for matching; `search` finds a reader's words
//! in entries and says where, for marking; `highlight` finds the page owner
//! among every record's authors; `duplicates` makes one entry per work;
//! `order` sorts the entries and groups them under headings; `annotations`
//! reads what a record says about its authors (equal contribution,
//! corresponding author).

pub mod annotations;
pub mod duplicates;
pub mod fold;
pub mod highlight;
pub mod order;
pub mod search;
