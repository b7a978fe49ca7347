//! Wrong: awaits the interval's first tick before the loop, so the beat at 0 ms is never printed.
//! expect: a beat prints `waiting` at once

pub async fn heartbeat_while(api: &Api, console: &Console, every: Duration) -> String {
    let mut beat = tokio::time::interval(every);
    beat.tick().await;
    let mut call = std::pin::pin!(api.fetch_data(1));
    loop {
        tokio::select! {
            biased;
            data = &mut call => return data,
            _ = beat.tick() => console.print("waiting"),
        }
    }
}
