//! Wrong: keeps the data when the call wins and returns it only at the next beat: the loop answers late.
//! expect: not at the next beat

pub async fn heartbeat_while(api: &Api, console: &Console, every: Duration) -> String {
    let mut beat = tokio::time::interval(every);
    let mut call = std::pin::pin!(api.fetch_data(1));
    let mut got: Option<String> = None;
    loop {
        tokio::select! {
            data = &mut call, if got.is_none() => got = Some(data),
            _ = beat.tick() => {
                if let Some(data) = got.take() {
                    return data;
                }
                console.print("waiting");
            }
        }
    }
}
