//! Wrong: prints "fetching" after the sleep: the body's first line runs at
//! the first poll, so the print belongs before the `.await`, at 0 ms.
//! expect: awaited, the body runs from its first line: "fetching" at 0 ms, once

pub async fn fetch_data(console: &Console) -> String {
    tokio::time::sleep(Duration::from_secs(1)).await;
    console.print("fetching");
    "data".to_owned()
}
