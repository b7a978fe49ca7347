//! Wrong: calls `tokio::time::sleep(..)` without `.await`: the `Sleep` is
//! built and dropped unpolled, so nothing waits (rustc warns: unused `Sleep`
//! that must be used). The kata's own question, in one line.
//! expect: Either the sleep was never awaited

pub async fn fetch_data(console: &Console) -> String {
    console.print("fetching");
    let _ = tokio::time::sleep(Duration::from_secs(1));
    "data".to_owned()
}
