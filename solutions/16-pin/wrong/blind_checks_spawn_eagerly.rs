//! Wrong: spawns each call in checks(): the calls start when the list is made, not when run_checks polls it.
//! expect: a check must not start when checks() makes it

pub fn checks(api: &Api) -> Vec<Check> {
    let user = api.clone();
    let post = api.clone();
    let data = api.clone();
    let u = tokio::spawn(async move { user.fetch_user(1).await.name });
    let p = tokio::spawn(async move { post.fetch_post(1).await.title });
    let d = tokio::spawn(async move { data.fetch_data(1).await });
    vec![
        Box::pin(async move { u.await.unwrap() }),
        Box::pin(async move { p.await.unwrap() }),
        Box::pin(async move { d.await.unwrap() }),
    ]
}
