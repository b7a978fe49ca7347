//! Wrong: beats with a fresh sleep(every) made each turn, printing first, with the call kept as Box::pin: right on an idle thread, but each timer counts from its turn, so a beat that runs late (the thread held from 550 to 650 ms) pushes every later beat (950 ms, not 900): interval keeps to its schedule.
//! expect: A timer made afresh each turn

pub async fn heartbeat_while(api: &Api, console: &Console, every: Duration) -> String {
    let mut call = Box::pin(api.fetch_data(1));
    loop {
        console.print("waiting");
        tokio::select! {
            biased;
            data = call.as_mut() => return data,
            _ = tokio::time::sleep(every) => {}
        }
    }
}
