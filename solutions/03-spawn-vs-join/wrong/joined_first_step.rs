//! Wrong: answers step 1 concurrently. Faster, but step 1 is the baseline:
//! it shows what sequential awaits cost before step 2 improves on it.
//! expect: one after the other: fetch_post(1) starts when fetch_user(1) is done

pub async fn one_after_another(api: &Api) -> (User, Post) {
    tokio::join!(api.fetch_user(1), api.fetch_post(1))
}
