//! # Kata 18: streams (the reference answer)
//!
//! > What is a Stream? Process one with bounded concurrency and backpressure.
//!
//! A `Stream` is the async iterator: `poll_next` instead of `poll`, items
//! until `None`, and, like every future, nothing happens until someone asks.
//! The reference builds the paginated catalogue with `stream::unfold`, which
//! fetches a page only when the next one is asked for; caps the lookups with
//! `buffered(n)` (input order) and `buffer_unordered(n)` (as they finish);
//! batches by size or by time with a deadline set at each batch's first
//! item; lets a producer run ahead of a slow consumer through a bounded
//! channel; and stops every fetch by dropping the stream, which cancels the
//! lookups still in flight.

use std::time::Duration;

use futures::stream::{self, BoxStream, Stream, StreamExt};
use tokio::sync::mpsc;
use tokio::time::{Instant, timeout_at};
use world::{Catalog, Consumer, Detail, Page, Source};

/// Step 1: the catalogue's pages as a stream, each fetched only when asked
/// for, ending after the last page.
pub fn pages(catalog: Catalog) -> impl Stream<Item = Page> {
    let first = catalog.first_page();
    stream::unfold(Some(first), move |next| {
        let catalog = catalog.clone();
        async move {
            let page = catalog.fetch_page(next?).await;
            let after = page.next;
            Some((page, after))
        }
    })
}

/// Step 2: every id looked up, at most `n` at a time, the details in the
/// order of `ids`.
pub fn lookups_in_order(catalog: Catalog, ids: Vec<u32>, n: usize) -> impl Stream<Item = Detail> {
    stream::iter(ids)
        .map(move |id| {
            let catalog = catalog.clone();
            async move { catalog.lookup(id).await }
        })
        .buffered(n)
}

/// Step 3: the same, the details as the lookups finish.
pub fn lookups_as_they_finish(
    catalog: Catalog,
    ids: Vec<u32>,
    n: usize,
) -> impl Stream<Item = Detail> {
    stream::iter(ids)
        .map(move |id| {
            let catalog = catalog.clone();
            async move { catalog.lookup(id).await }
        })
        .buffer_unordered(n)
}

/// Step 4: the events in batches of `size`, or fewer once `wait` has passed
/// since the batch's first event; what is left when the events end, at once.
pub fn batches(
    events: BoxStream<'static, u32>,
    size: usize,
    wait: Duration,
) -> impl Stream<Item = Vec<u32>> {
    stream::unfold(Some(events), move |events| async move {
        let mut events = events?;
        let first = events.next().await?;
        let deadline = Instant::now() + wait;
        let mut batch = vec![first];
        while batch.len() < size {
            // `next()` is cancel-safe: a timeout that drops it loses nothing.
            match timeout_at(deadline, events.next()).await {
                Ok(Some(event)) => batch.push(event),
                Ok(None) => return Some((batch, None)),
                Err(_elapsed) => break,
            }
        }
        Some((batch, Some(events)))
    })
}

/// Step 5: the producer runs ahead of the slow consumer through a channel
/// with room for `room` items; answers the ids consumed, in order.
pub async fn run_ahead(mut source: Source, consumer: Consumer, room: usize) -> Vec<u32> {
    let (tx, rx) = mpsc::channel(room);
    let producer = tokio::spawn(async move {
        while let Some(item) = source.next().await {
            if tx.send(item).await.is_err() {
                break;
            }
        }
    });
    let items = stream::unfold(rx, |mut rx| async move {
        let item = rx.recv().await?;
        Some((item, rx))
    });
    let consumed = items
        .then(|item| consumer.consume(item))
        .collect::<Vec<u32>>()
        .await;
    producer.await.expect("the producer panicked");
    consumed
}

/// Step 6: the first five-star item in catalogue order, reading the pages
/// lazily and looking up `n` items at a time; stops every fetch once found.
pub async fn first_five_star(catalog: Catalog, n: usize) -> Option<Detail> {
    let lookups = catalog.clone();
    let details = pages(catalog)
        .flat_map(|page| stream::iter(page.items))
        .map(move |id| {
            let catalog = lookups.clone();
            async move { catalog.lookup(id).await }
        })
        .buffered(n);
    let mut details = std::pin::pin!(details);
    while let Some(detail) = details.next().await {
        if detail.stars == 5 {
            // Returning drops the stream: the lookups in flight are
            // cancelled and no further page is fetched.
            return Some(detail);
        }
    }
    None
}
