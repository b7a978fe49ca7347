//! Wrong: prints the beats from a spawned task and awaits the call plainly: no select! loop, no pinned call kept across turns (step 2's lesson).
//! expect: by a task heartbeat_while spawned

pub async fn heartbeat_while(api: &Api, console: &Console, every: Duration) -> String {
    let console = console.clone();
    let beats = tokio::spawn(async move {
        let mut beat = tokio::time::interval(every);
        loop {
            beat.tick().await;
            console.print("waiting");
        }
    });
    let data = api.fetch_data(1).await;
    beats.abort();
    data
}
