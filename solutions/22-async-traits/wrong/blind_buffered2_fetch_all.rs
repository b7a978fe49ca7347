//! Wrong: fetch_all caps the calls at two (`buffered(2)`): in order, but user 3 starts only when user 1 is done (500 ms), where every call starts at once.
//! expect: fetch_user(3) 500 ms. Start every call (build every future, or spawn every task) before you await any: not one after another, nor a few at a time

pub async fn fetch_all<S: Source>(source: &S, ids: &[u32]) -> Vec<String> {
    use futures::stream::{self, StreamExt};
    stream::iter(ids.iter().map(|&id| source.fetch(id)))
        .buffered(2)
        .collect()
        .await
}
