//! Wrong: `fetch_all` runs the calls through `buffered(3)`: at most three
//! at once, in the order of the ids. With three ids it draws the same as
//! asking for every id at once (a blind examination's answer, which passed
//! while step 1 asked for three); with six, users 4 to 6 start at 500 ms.
//! expect: nor a few at a time

pub async fn fetch_all<S: Source>(source: &S, ids: &[u32]) -> Vec<String> {
    use futures::stream::{self, StreamExt};
    stream::iter(ids.iter().map(|&id| source.fetch(id)))
        .buffered(3)
        .collect()
        .await
}
