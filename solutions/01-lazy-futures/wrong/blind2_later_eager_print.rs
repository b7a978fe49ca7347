//! Wrong: fetch_later prints "fetching" on the call, before its `async`
//! block, and leaves only the sleep for later: the print runs at 0 ms, when
//! the value is made, not at 500 ms, when it is first polled.
//! expect: a lazy value runs nothing until it is polled, but it printed before any poll

pub fn fetch_later(console: &Console) -> impl Future<Output = String> + 'static {
    let console = console.clone();
    console.print("fetching");
    async move {
        tokio::time::sleep(Duration::from_secs(1)).await;
        "data".to_owned()
    }
}
