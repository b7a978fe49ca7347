//! Wrong: spawns the call and selects on its JoinHandle (Unpin, so no pin): when a beat is due in the instant the data comes, the loop's task runs first and prints `waiting`, and the data reaches it through the handle only after.
//! expect: a call spawned elsewhere reaches the loop

pub async fn heartbeat_while(api: &Api, console: &Console, every: Duration) -> String {
    let api = api.clone();
    let mut call = tokio::spawn(async move { api.fetch_data(1).await });
    let mut beat = tokio::time::interval(every);
    loop {
        tokio::select! {
            biased;
            data = &mut call => return data.expect("fetch_data task panicked"),
            _ = beat.tick() => console.print("waiting"),
        }
    }
}
