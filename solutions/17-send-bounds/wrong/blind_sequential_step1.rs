//! Wrong: step 1 fetches the users one after another in a for loop (right names, wrong concurrency: 1500 ms).
//! expect: each call awaited before the next starts

pub async fn names(api: Api, ids: Vec<u32>) -> Vec<String> {
    let mut out = Vec::new();
    for id in ids {
        out.push(api.fetch_user(id).await.name);
    }
    out
}
