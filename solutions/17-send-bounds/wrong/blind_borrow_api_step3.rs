//! Wrong: step 3 moves the &Api (not a clone) into each boxed async block; the boxes borrow the caller's api.
//! expect: lifetime may not live long enough

pub fn calls(api: &Api, id: u32) -> Vec<Call> {
    vec![
        Box::pin(async move { api.fetch_user(id).await.name }),
        Box::pin(async move { api.fetch_post(id).await.title }),
        Box::pin(async move { api.fetch_data(id).await }),
    ]
}
