//! Wrong: writes the call inside select!: a new future every turn, dropped whenever the beat wins, so it restarts every 300 ms and never answers.
//! expect: a call written inside select! is a new future every turn

pub async fn heartbeat_while(api: &Api, console: &Console, every: Duration) -> String {
    let mut beat = tokio::time::interval(every);
    loop {
        tokio::select! {
            data = api.fetch_data(1) => return data,
            _ = beat.tick() => console.print("waiting"),
        }
    }
}
