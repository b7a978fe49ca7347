//! Wrong: fetch_from_each uses buffer_unordered over all sources: concurrent, but Post1 (300 ms) comes before User1 (500 ms).
//! expect: fetch_from_each(&[&users, &posts], 1) answers in the order asked

pub async fn fetch_from_each(sources: &[&dyn DynSource], id: u32) -> Vec<String> {
    use futures::stream::{self, StreamExt};
    stream::iter(sources.iter().map(|source| source.fetch_boxed(id)))
        .buffer_unordered(sources.len().max(1))
        .collect()
        .await
}
