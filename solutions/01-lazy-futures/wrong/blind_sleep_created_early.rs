//! Wrong: makes the `Sleep` on the call and awaits it inside the block. A
//! tokio `Sleep` fixes its deadline when it is created (0 ms + 1 s), not when
//! it is first polled, so the future is woken at 1000 ms instead of 1500 ms.
//! expect: Was the `Sleep` made on the call?

pub fn fetch_later(console: &Console) -> impl Future<Output = String> + 'static {
    let console = console.clone();
    let sleep = tokio::time::sleep(Duration::from_secs(1));
    async move {
        console.print("fetching");
        sleep.await;
        "data".to_owned()
    }
}
