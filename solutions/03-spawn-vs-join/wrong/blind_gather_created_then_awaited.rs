//! Wrong: creates both futures first, then awaits them one by one,
//! believing creation starts them. Futures are lazy: creating both starts
//! neither, and awaiting them in turn is sequential.
//! expect: gathered calls run concurrently: both start at 0 ms

pub async fn gather(api: &Api) -> (User, Post) {
    let user = api.fetch_user(1);
    let post = api.fetch_post(1);
    (user.await, post.await)
}
