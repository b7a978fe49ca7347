//! # Kata 16: pin
//!
//! > Why do futures need Pin? When do you reach for Box::pin or pin!?
//!
//! Work the steps in order; README.md says what each must do, and gives
//! hints. `cargo test -p pin` checks them, and draws what ran when.
//!
//! The services take virtual time: `fetch_user` 500 ms, `fetch_post`
//! 300 ms, `fetch_data` 1 s; a `Job` as long as it was made to take.

// The starting bodies are `todo!()`, which leaves the parameters unused.
// Delete this line once every step is written.
#![allow(unused_variables)]

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::time::Instant;
use world::{Api, Console, Job};

/// What a [`Deadline`] answers when its deadline came first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DeadlinePassed;

impl fmt::Display for DeadlinePassed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "deadline passed")
    }
}

impl std::error::Error for DeadlinePassed {}

/// Step 1: a future with its own deadline, written by hand.
///
/// The field below is a placeholder: give the struct the fields it needs
/// (the future, and something that wakes the task at the deadline).
pub struct Deadline<F> {
    _todo: std::marker::PhantomData<F>,
}

/// Step 1: `fut`, failed with [`DeadlinePassed`] if it is not done by
/// `deadline`.
pub fn with_deadline<F: Future>(fut: F, deadline: Instant) -> Deadline<F> {
    todo!("step 1: build the Deadline from the future and a timer; see README step 1")
}

impl<F: Future> Future for Deadline<F> {
    type Output = Result<F::Output, DeadlinePassed>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        todo!("step 1: poll the future, then the timer; see README step 1")
    }
}

/// Step 2: fetch `fetch_data(1)` while printing `waiting` at every beat of
/// `every` (the first at once); answer the data as soon as it comes.
pub async fn heartbeat_while(api: &Api, console: &Console, every: Duration) -> String {
    todo!("step 2: one call in flight, a select! loop with a beat; see README step 2")
}

/// A job and the jobs that run after it, for step 3.
#[derive(Clone)]
pub struct Node {
    pub job: Job,
    pub children: Vec<Node>,
}

/// Step 3: run `node`'s job, then each child's tree, the children
/// concurrently; answer every report, a node before its children's trees,
/// in the order of `children`.
pub async fn run_tree(node: &Node) -> Vec<String> {
    todo!("step 3: run the job, then the children's trees, recursively; see README step 3")
}

/// A check of step 4: any future that answers a `String`, boxed, so that
/// futures of different types fit in one list.
pub type Check = Pin<Box<dyn Future<Output = String> + Send>>;

/// Step 4: three checks, in this order: the name of user 1, the title of
/// post 1, `fetch_data(1)`. None of them starts here.
pub fn checks(api: &Api) -> Vec<Check> {
    todo!("step 4: box three different futures into one list; see README step 4")
}

/// Step 4: every check at once, each under `deadline`; the outcomes in
/// the order of `checks`.
pub async fn run_checks(
    checks: Vec<Check>,
    deadline: Instant,
) -> Vec<Result<String, DeadlinePassed>> {
    todo!("step 4: run every check at once under the deadline; see README step 4")
}
