//! A remote API whose calls take virtual time, as in the seed's examples.
//!
//! Each call is drawn on a row of its own, named after the call
//! (`fetch_user(1)`), from its first poll to its answer. A call that is
//! created but never polled draws nothing: futures are lazy.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use tokio::time::sleep;

use crate::trace::Fill;
use crate::world::World;

/// How long `fetch_user` takes: the seed's `asyncio.sleep(0.5)`.
pub const USER_LATENCY: Duration = Duration::from_millis(500);
/// How long `fetch_post` takes: the seed's `asyncio.sleep(0.3)`.
pub const POST_LATENCY: Duration = Duration::from_millis(300);
/// How long `fetch_data` takes: the seed's `asyncio.sleep(1)`.
pub const DATA_LATENCY: Duration = Duration::from_secs(1);

/// A handle on the simulated API. Clone it into each task that calls it.
#[derive(Clone)]
pub struct Api {
    world: World,
    /// Calls that take another time than their kind's, by row
    /// ([`Api::with_latency`]); shared by every clone.
    latencies: Arc<Vec<(String, Duration)>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    pub id: u32,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Post {
    pub id: u32,
    pub title: String,
}

impl fmt::Display for User {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.name)
    }
}

impl fmt::Display for Post {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.title)
    }
}

impl Api {
    pub fn new(world: &World) -> Api {
        Api {
            world: world.clone(),
            latencies: Arc::default(),
        }
    }

    /// The same API, except that the call drawn on `row` (`"fetch_user(3)"`)
    /// takes `latency`, in this handle and every clone made from it after:
    /// for a scenario where calls finish in another order than they were
    /// made (as `FlakyApi::with_latency` does for the fallible API).
    pub fn with_latency(mut self, row: &str, latency: Duration) -> Api {
        Arc::make_mut(&mut self.latencies).push((row.to_owned(), latency));
        self
    }

    /// Fetches a user; takes 500 ms.
    pub async fn fetch_user(&self, id: u32) -> User {
        let user = User {
            id,
            name: format!("User{id}"),
        };
        self.call(format!("fetch_user({id})"), USER_LATENCY, user)
            .await
    }

    /// Fetches a post; takes 300 ms.
    pub async fn fetch_post(&self, id: u32) -> Post {
        let post = Post {
            id,
            title: format!("Post{id}"),
        };
        self.call(format!("fetch_post({id})"), POST_LATENCY, post)
            .await
    }

    /// Fetches a piece of data; takes 1 s and answers `"Data {id}"`.
    pub async fn fetch_data(&self, id: u32) -> String {
        self.call(
            format!("fetch_data({id})"),
            DATA_LATENCY,
            format!("Data {id}"),
        )
        .await
    }

    async fn call<T: fmt::Display>(&self, name: String, latency: Duration, answer: T) -> T {
        let latency = self
            .latencies
            .iter()
            .rev()
            .find(|(row, _)| *row == name)
            .map_or(latency, |&(_, latency)| latency);
        let span = self.world.span(&name, "", Fill::Work);
        sleep(latency).await;
        span.end(Some(&answer));
        answer
    }
}
