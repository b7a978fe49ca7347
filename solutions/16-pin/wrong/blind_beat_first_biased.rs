//! Wrong: puts the beat first under biased;: when a beat is due in the instant the data comes, it prints `waiting` after the answer is there.
//! expect: the data wins it, and no `waiting` is printed then

pub async fn heartbeat_while(api: &Api, console: &Console, every: Duration) -> String {
    let mut beat = tokio::time::interval(every);
    let mut call = std::pin::pin!(api.fetch_data(1));
    loop {
        tokio::select! {
            biased;
            _ = beat.tick() => console.print("waiting"),
            data = &mut call => return data,
        }
    }
}
