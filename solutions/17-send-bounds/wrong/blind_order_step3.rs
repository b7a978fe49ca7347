//! Wrong: step 3 puts the calls in the order post, user, data (the README says user, post, data).
//! expect: three calls in this order

pub fn calls(api: &Api, id: u32) -> Vec<Call> {
    let (a, b, c) = (api.clone(), api.clone(), api.clone());
    vec![
        Box::pin(async move { b.fetch_post(id).await.title }),
        Box::pin(async move { a.fetch_user(id).await.name }),
        Box::pin(async move { c.fetch_data(id).await }),
    ]
}
