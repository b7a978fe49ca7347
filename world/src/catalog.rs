//! A paginated catalogue, for the kata on streams.
//!
//! The catalogue is a list of pages, each a list of item ids, read one page
//! at a time as a paginated HTTP API is:
//!
//! - [`Catalog::fetch_page`] answers page `n` and the number of the next
//!   page (`None` after the last). It takes 100 ms, drawn as a bar on the
//!   row `page n`: a page that is never asked for draws nothing.
//! - [`Catalog::lookup`] answers one item's [`Detail`]. It takes 100 ms
//!   unless the catalogue was told otherwise ([`Catalog::with_latency`]),
//!   drawn as a bar on the row `lookup(id)`: uneven latencies are what
//!   tell "in input order" from "as they finish" apart.
//!
//! A call whose future is dropped before it answers ends its bar in `x`
//! (cancelled), as every service of the world does.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use tokio::time::sleep;

use crate::trace::Fill;
use crate::world::World;

/// How long one page takes to fetch.
pub const PAGE_TIME: Duration = Duration::from_millis(100);
/// How long one lookup takes, unless told otherwise.
pub const LOOKUP_TIME: Duration = Duration::from_millis(100);

/// One page of the catalogue: its item ids, and where the next page is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// This page's number, from 1.
    pub number: usize,
    pub items: Vec<u32>,
    /// The next page's number; `None` on the last page.
    pub next: Option<usize>,
}

/// What a lookup answers about one item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Detail {
    pub id: u32,
    /// From 1 to 5 stars; 3 unless told otherwise ([`Catalog::with_rating`]).
    pub stars: u8,
}

impl fmt::Display for Detail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} stars", self.stars)
    }
}

/// A handle on the catalogue. Cheap to clone: clones are the same
/// catalogue, so one can move into a stream, a closure or a task.
#[derive(Clone)]
pub struct Catalog {
    world: World,
    pages: Arc<Vec<Vec<u32>>>,
    latency: Arc<HashMap<u32, Duration>>,
    stars: Arc<HashMap<u32, u8>>,
}

impl Catalog {
    /// A catalogue of `pages` (page 1 first), each a list of item ids.
    pub fn new(world: &World, pages: Vec<Vec<u32>>) -> Catalog {
        Catalog {
            world: world.clone(),
            pages: Arc::new(pages),
            latency: Arc::default(),
            stars: Arc::default(),
        }
    }

    /// The same catalogue, where looking up `id` takes `takes`.
    pub fn with_latency(mut self, id: u32, takes: Duration) -> Catalog {
        Arc::make_mut(&mut self.latency).insert(id, takes);
        self
    }

    /// The same catalogue, where item `id` is rated `stars`.
    pub fn with_rating(mut self, id: u32, stars: u8) -> Catalog {
        Arc::make_mut(&mut self.stars).insert(id, stars);
        self
    }

    /// The number of the first page: 1.
    pub fn first_page(&self) -> usize {
        1
    }

    /// Fetches page `number` (from 1); takes 100 ms.
    ///
    /// # Panics
    ///
    /// On a page that does not exist: follow [`Page::next`].
    pub async fn fetch_page(&self, number: usize) -> Page {
        let items = match number.checked_sub(1).and_then(|i| self.pages.get(i)) {
            Some(items) => items.clone(),
            None => panic!(
                "page {number} does not exist: the catalogue has pages 1 to {}; \
                 follow each page's `next`",
                self.pages.len()
            ),
        };
        let span = self.world.span(&format!("page {number}"), "", Fill::Work);
        sleep(PAGE_TIME).await;
        let next = (number < self.pages.len()).then_some(number + 1);
        let count = match items.len() {
            1 => "1 item".to_owned(),
            n => format!("{n} items"),
        };
        span.end(Some(count));
        Page {
            number,
            items,
            next,
        }
    }

    /// Looks item `id` up; takes 100 ms unless told otherwise.
    pub async fn lookup(&self, id: u32) -> Detail {
        let takes = self.latency.get(&id).copied().unwrap_or(LOOKUP_TIME);
        let span = self.world.span(&format!("lookup({id})"), "", Fill::Work);
        sleep(takes).await;
        let detail = Detail {
            id,
            stars: self.stars.get(&id).copied().unwrap_or(3),
        };
        span.end(Some(&detail));
        detail
    }
}
