//! Wrong: awaits the post, then the user: one after the other and 800 ms
//! all the same, but not in the order step 1 asks for.
//! expect: the user first, then the post: yours fetched the post first

pub async fn one_after_another(api: &Api) -> (User, Post) {
    let post = api.fetch_post(1).await;
    let user = api.fetch_user(1).await;
    (user, post)
}
