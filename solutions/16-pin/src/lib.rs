//! # Kata 16: pin (the reference answer)
//!
//! > Why do futures need Pin? When do you reach for Box::pin or pin!?
//!
//! An `async` block is a state machine that keeps its locals across its
//! `.await`s. When one local borrows another (`let name = &user.name;`
//! held over an `.await`), the future points into itself: moved after its
//! first poll, that pointer would dangle. `Future::poll` therefore takes
//! `Pin<&mut Self>`, a promise that the future will not move again. A type
//! with no such pointers is `Unpin` and may move anyway. To poll a future
//! you hold by value, pin it: on the stack for this scope (`pin!`), or on
//! the heap (`Box::pin`), where the box can move and its contents cannot.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::time::{Instant, Sleep};
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
/// Both fields are boxes, and a `Box` is `Unpin` whatever it holds: so
/// `Deadline<F>` is `Unpin` for every `F`, and `poll` may take `&mut self`
/// out of its `Pin` (`get_mut`). What must not move, the future and the
/// timer, lives on the heap and never does.
pub struct Deadline<F> {
    fut: Pin<Box<F>>,
    sleep: Pin<Box<Sleep>>,
}

/// Step 1: `fut`, failed with [`DeadlinePassed`] if it is not done by
/// `deadline`.
pub fn with_deadline<F: Future>(fut: F, deadline: Instant) -> Deadline<F> {
    Deadline {
        fut: Box::pin(fut),
        sleep: Box::pin(tokio::time::sleep_until(deadline)),
    }
}

impl<F: Future> Future for Deadline<F> {
    type Output = Result<F::Output, DeadlinePassed>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        // The future first: one that is done is not failed by a deadline
        // that passed in the same instant (tokio's `timeout` does the same).
        if let Poll::Ready(output) = this.fut.as_mut().poll(cx) {
            return Poll::Ready(Ok(output));
        }
        // Polling the timer is what registers this task's waker with it:
        // without this poll nothing would wake the task at the deadline.
        match this.sleep.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Err(DeadlinePassed)),
            Poll::Pending => Poll::Pending,
        }
    }
}

/// Step 2: fetch `fetch_data(1)` while printing `waiting` at every beat of
/// `every` (the first at once); answer the data as soon as it comes.
pub async fn heartbeat_while(api: &Api, console: &Console, every: Duration) -> String {
    let mut beat = tokio::time::interval(every);
    // One call, created once and pinned here: each turn of the loop polls
    // the same future through `&mut`, so a beat that wins leaves it alone.
    let mut call = std::pin::pin!(api.fetch_data(1));
    loop {
        tokio::select! {
            biased;
            data = &mut call => return data,
            _ = beat.tick() => console.print("waiting"),
        }
    }
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
    let mut reports = vec![node.job.run().await];
    // An `async fn` that awaits itself would be a future that contains
    // itself: of infinite size. The box puts each level behind a pointer.
    let subtrees = node.children.iter().map(|child| Box::pin(run_tree(child)));
    for subtree in futures::future::join_all(subtrees).await {
        reports.extend(subtree);
    }
    reports
}

/// A check of step 4: any future that answers a `String`, boxed, so that
/// futures of different types fit in one list.
pub type Check = Pin<Box<dyn Future<Output = String> + Send>>;

/// Step 4: three checks, in this order: the name of user 1, the title of
/// post 1, `fetch_data(1)`. None of them starts here.
pub fn checks(api: &Api) -> Vec<Check> {
    let (user, post, data) = (api.clone(), api.clone(), api.clone());
    vec![
        Box::pin(async move { user.fetch_user(1).await.name }),
        Box::pin(async move { post.fetch_post(1).await.title }),
        Box::pin(async move { data.fetch_data(1).await }),
    ]
}

/// Step 4: every check at once, each under `deadline`; the outcomes in
/// the order of `checks`.
pub async fn run_checks(
    checks: Vec<Check>,
    deadline: Instant,
) -> Vec<Result<String, DeadlinePassed>> {
    futures::future::join_all(
        checks
            .into_iter()
            .map(|check| with_deadline(check, deadline)),
    )
    .await
}
