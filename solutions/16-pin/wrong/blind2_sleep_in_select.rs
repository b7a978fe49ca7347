//! Wrong: beats with a fresh tokio::time::sleep(every) written in the select! and prints `waiting` when it fires: the first beat comes at 300 ms, not at once (interval's first tick is at 0 ms), and each later one counts from its turn.
//! expect: a beat prints `waiting` at once

pub async fn heartbeat_while(api: &Api, console: &Console, every: Duration) -> String {
    let mut call = std::pin::pin!(api.fetch_data(1));
    loop {
        tokio::select! {
            biased;
            data = &mut call => return data,
            _ = tokio::time::sleep(every) => console.print("waiting"),
        }
    }
}
