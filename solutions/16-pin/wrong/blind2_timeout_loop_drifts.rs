//! Wrong: no select! and no interval: a loop that prints `waiting`, then waits on tokio::time::timeout(every, &mut call) with the call pinned once. The call is kept in flight (step 2's pin lesson), but each turn's timeout counts from that turn: a beat that runs late (the thread held from 550 to 650 ms) pushes every later beat (950 ms, not 900), as asyncio.wait's beats drift; interval keeps to its schedule.
//! expect: A timer made afresh each turn

pub async fn heartbeat_while(api: &Api, console: &Console, every: Duration) -> String {
    let mut call = std::pin::pin!(api.fetch_data(1));
    loop {
        console.print("waiting");
        if let Ok(data) = tokio::time::timeout(every, &mut call).await {
            return data;
        }
    }
}
