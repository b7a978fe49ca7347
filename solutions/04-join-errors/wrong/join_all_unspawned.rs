//! Wrong: gathers the calls with `join_all` in the caller's own task, each
//! wrapped in `Ok`. There is no task around fetch_user(13) to catch its
//! panic: it unwinds through the caller, and takes every sibling with it.
//! expect: fetch_user(13)'s panic unwound through your own function

pub async fn every_user(api: &FlakyApi, ids: &[u32]) -> Vec<Joined> {
    futures::future::join_all(
        ids.iter()
            .map(|&id| async move { Ok(api.fetch_user(id).await) }),
    )
    .await
}
