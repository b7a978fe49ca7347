//! # Kata 21: local tasks (the reference answer)
//!
//! > Your state is `Rc<RefCell<..>>`. How do you run it on tokio?
//!
//! TODO(author): the answer in a paragraph: what the reference does, and
//! why it is right.

// TODO(author): delete this line once the reference is written.
#![allow(unused_variables)]

use world::Api;

/// Step 1: TODO(author): what this step asks for, in one line.
pub async fn step_one(api: &Api) -> String {
    todo!("TODO(author): the reference answer to step 1")
}
