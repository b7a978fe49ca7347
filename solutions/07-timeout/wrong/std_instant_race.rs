//! Wrong: races the operation against a deadline read from
//! `std::time::Instant`, polled every 100 ms. std's clock is the machine's:
//! on tokio's paused clock the 5 s pass in microseconds of real time, so the
//! deadline never passes and the operation wins at 5000 ms. In production
//! the same code also burns a timer tick per poll; tokio's timers are the
//! runtime's own clock.
//! expect: A deadline read from std::time::Instant never passes here

pub async fn with_timeout(op: &Operation) -> Result<String, TimedOut> {
    let deadline = std::time::Instant::now() + LIMIT;
    let expired = async {
        while std::time::Instant::now() < deadline {
            sleep(Duration::from_millis(100)).await;
        }
    };
    tokio::select! {
        biased;
        answer = op.run() => Ok(answer),
        () = expired => Err(TimedOut),
    }
}
