//! Right: runs the one fetch in a task of its own (`fetch_later` is
//! `'static`) and awaits its `JoinHandle`: one fetch, one print at 0 ms, the
//! answer at 1000 ms, returned twice.

pub async fn data_twice(console: &Console) -> (String, String) {
    let data = tokio::spawn(fetch_later(console))
        .await
        .expect("the fetch panicked");
    (data.clone(), data)
}
