//! Right: step 1 as a plain fn whose whole body is one `async move` block:
//! nothing stands before the block, so nothing runs on the call, exactly as
//! with an `async fn`. Step 2 writes the work out inside its own block.

pub fn fetch_data(console: &Console) -> impl Future<Output = String> + '_ {
    async move {
        console.print("fetching");
        tokio::time::sleep(Duration::from_secs(1)).await;
        "data".to_owned()
    }
}

pub fn fetch_later(console: &Console) -> impl Future<Output = String> + 'static {
    let console = console.clone();
    async move {
        console.print("fetching");
        tokio::time::sleep(Duration::from_secs(1)).await;
        String::from("data")
    }
}
