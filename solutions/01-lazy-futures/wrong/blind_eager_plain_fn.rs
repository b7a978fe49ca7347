//! Wrong: writes step 1 as a plain fn returning a future (callers cannot
//! tell), with the print before the `async` block: calling it prints at
//! once, even when the future is dropped unpolled.
//! expect: calling an async fn runs none of its body

pub fn fetch_data(console: &Console) -> impl Future<Output = String> + '_ {
    console.print("fetching");
    async move {
        tokio::time::sleep(Duration::from_secs(1)).await;
        "data".to_owned()
    }
}
