//! One module per `cargo kata` command; what they share sits beside this
//! folder, in `src/`.

pub mod check;
pub mod hint;
pub mod interview;
pub mod list;
pub mod new;
pub mod reset;
pub mod solution;
pub mod verify;
pub mod watch;
