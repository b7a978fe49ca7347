//! Wrong: writes fetch_data as a plain fn returning a future, and does the
//! first line of the work before the `async move` block. That line runs on
//! the call, the rest on the first poll: the body is no longer lazy.
//! expect: calling an async fn runs none of its body

pub fn fetch_data(console: &Console) -> impl Future<Output = String> + '_ {
    console.print("fetching");
    async move {
        tokio::time::sleep(Duration::from_secs(1)).await;
        "data".to_owned()
    }
}
