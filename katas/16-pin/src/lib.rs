//! # Kata 16: pin
//!
//! > Why do futures need Pin? When do you reach for Box::pin or pin!?
//!
//! Work the steps in order; README.md says what each must do, and gives
//! hints. `cargo test -p pin` checks them, and draws what ran when.

// The starting bodies are `todo!()`, which leaves the parameters unused.
// Delete this line once every step is written.
#![allow(unused_variables)]

use world::Api;

/// Step 1: TODO(author): what this step asks for, in one line.
pub async fn step_one(api: &Api) -> String {
    todo!("step 1: TODO(author): what to do; see README step 1")
}
