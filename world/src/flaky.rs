//! An API whose calls can fail: one returns an error, one panics.
//!
//! The same calls and latencies as [`crate::Api`] (`fetch_user` 500 ms,
//! `fetch_post` 300 ms), but each answers a `Result`, and two ids are
//! special. Every call takes its full latency, then:
//!
//! - id [`MISSING_ID`] (404) is not found: the call returns
//!   `Err(ApiError::NotFound)`, drawn `!` ("returned an error");
//! - id [`BUGGY_ID`] (13) trips a bug in the client's code: the call
//!   panics, drawn `*` ("panicked");
//! - any other id answers `Ok`, drawn `]`.
//!
//! A call dropped before its latency is over (by a `try_join!` whose other
//! branch failed, by an aborted task) is drawn `x` ("cancelled").
//!
//! The deliberate panic is expected, so it is not printed (see
//! `deliberate.rs`). A learner's own panic,
//! an `unwrap()` of the `JoinError` that carries this one included, is
//! printed as usual.

use std::fmt;
use std::time::Duration;

use tokio::time::sleep;

use crate::api::{POST_LATENCY, Post, USER_LATENCY, User};
use crate::deliberate::panic_on_purpose;
use crate::trace::Fill;
use crate::world::World;

/// The id that is never found: its call returns `Err(ApiError::NotFound)`.
pub const MISSING_ID: u32 = 404;
/// The id that trips a bug: its call panics when its answer arrives.
pub const BUGGY_ID: u32 = 13;

/// What a failed call returns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiError {
    /// No such thing: `what` is `"user"` or `"post"`.
    NotFound { what: &'static str, id: u32 },
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::NotFound { what, id } => write!(f, "{what} {id} not found"),
        }
    }
}

impl std::error::Error for ApiError {}

/// A handle on the API whose calls can fail. Clone it into each task.
#[derive(Clone)]
pub struct FlakyApi {
    world: World,
    /// Calls, by row name (`"fetch_post(1)"`), that take another time.
    latencies: Vec<(String, Duration)>,
    /// Calls, by row name, that are not found whatever their id.
    missing: Vec<String>,
}

impl FlakyApi {
    pub fn new(world: &World) -> FlakyApi {
        FlakyApi {
            world: world.clone(),
            latencies: Vec::new(),
            missing: Vec::new(),
        }
    }

    /// The same API, except that the call drawn on `row` (`"fetch_post(1)"`)
    /// takes `latency`: for a scenario where calls finish in another order
    /// than they were made (a slow post, uneven users).
    pub fn with_latency(mut self, row: &str, latency: Duration) -> FlakyApi {
        self.latencies.push((row.to_owned(), latency));
        self
    }

    /// The same API, except that the call drawn on `row` (`"fetch_user(3)"`)
    /// is not found, as id 404 is: for a scenario where a call that usually
    /// succeeds fails.
    pub fn with_not_found(mut self, row: &str) -> FlakyApi {
        self.missing.push(row.to_owned());
        self
    }

    /// Fetches a user; takes 500 ms. Id 404 is not found; id 13 panics.
    pub async fn fetch_user(&self, id: u32) -> Result<User, ApiError> {
        let user = User {
            id,
            name: format!("User{id}"),
        };
        self.call("user", "fetch_user", id, USER_LATENCY, user)
            .await
    }

    /// Fetches a post; takes 300 ms. Id 404 is not found; id 13 panics.
    pub async fn fetch_post(&self, id: u32) -> Result<Post, ApiError> {
        let post = Post {
            id,
            title: format!("Post{id}"),
        };
        self.call("post", "fetch_post", id, POST_LATENCY, post)
            .await
    }

    async fn call<T: fmt::Display>(
        &self,
        what: &'static str,
        call: &str,
        id: u32,
        latency: Duration,
        answer: T,
    ) -> Result<T, ApiError> {
        let name = format!("{call}({id})");
        let latency = self
            .latencies
            .iter()
            .find(|(row, _)| *row == name)
            .map_or(latency, |&(_, latency)| latency);
        let missing = self.missing.contains(&name);
        let span = self.world.span(&name, "", Fill::Work);
        sleep(latency).await;
        match id {
            _ if missing => {
                let error = ApiError::NotFound { what, id };
                span.fail(&error);
                Err(error)
            }
            MISSING_ID => {
                let error = ApiError::NotFound { what, id };
                span.fail(&error);
                Err(error)
            }
            BUGGY_ID => {
                // The span is dropped as this unwinds: drawn `*`.
                panic_on_purpose(
                    "bug in the client",
                    &format!("{name} could not parse its answer"),
                )
            }
            _ => {
                span.end(Some(&answer));
                Ok(answer)
            }
        }
    }
}
