//! Wrong: awaits the post first, then the user: 800 ms in all, but step 1
//! asks for the user, then the post, one after the other.
//! expect: the user first, then the post: yours fetched the post first

pub async fn one_after_another(api: &Api) -> (User, Post) {
    let post = api.fetch_post(1).await;
    let user = api.fetch_user(1).await;
    (user, post)
}
