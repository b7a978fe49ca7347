//! Wrong: spawns a "prefetch" task that nobody awaits, then awaits a fetch
//! of its own: the answer is right and on time, but there were two
//! requests, one of them detached (a task never awaited still runs).
//! expect: and so does a task spawned with a fetch that nobody awaits

pub async fn data_twice(console: &Console) -> (String, String) {
    drop(tokio::spawn(fetch_later(console)));
    let data = fetch_data(console).await;
    (data.clone(), data)
}
