//! Wrong: step 4's task owns clones (compiles) but fetches the names one after another: 1000 ms, not done by 600 ms.
//! expect: both calls run, concurrently

pub fn spawn_names(api: &Api, ids: &[u32]) -> JoinHandle<Vec<String>> {
    let (api, ids) = (api.clone(), ids.to_vec());
    tokio::spawn(async move {
        let mut out = Vec::new();
        for id in ids {
            out.push(api.fetch_user(id).await.name);
        }
        out
    })
}
