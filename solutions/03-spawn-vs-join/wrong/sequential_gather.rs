//! Wrong: "gathers" by awaiting one call, then the other.
//! It compiles and returns the right values, 300 ms late.
//! expect: gathered calls run concurrently

pub async fn gather(api: &Api) -> (User, Post) {
    let user = api.fetch_user(1).await;
    let post = api.fetch_post(1).await;
    (user, post)
}
