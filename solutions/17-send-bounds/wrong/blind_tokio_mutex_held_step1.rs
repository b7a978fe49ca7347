//! Wrong: step 1 shares Arc<tokio::sync::Mutex<Vec>> and locks it BEFORE the fetch, holding the guard across .await: compiles (guard is Send) but serialises the calls.
//! expect: each holding a lock, a `tokio::sync::Mutex` guard, across its fetch's `.await`

pub async fn names(api: Api, ids: Vec<u32>) -> Vec<String> {
    let names = Arc::new(tokio::sync::Mutex::new(vec![String::new(); ids.len()]));
    let calls = ids.iter().enumerate().map(|(i, &id)| {
        let (api, names) = (api.clone(), names.clone());
        async move {
            let mut slot = names.lock().await;
            slot[i] = api.fetch_user(id).await.name;
        }
    });
    futures::future::join_all(calls).await;
    let v = names.lock().await.clone();
    v
}
